import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import type { Block } from '../../src/document/model.js';
import { briefing, dataset, deck, runsText } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await dataset();
});

function blocks(markdown: string): Block[] {
  const result = briefing(data, markdown);
  expect(result.diagnostics).toEqual([]);
  return result.model?.sections.flatMap((s) => s.blocks) ?? [];
}

describe('Markdown → briefing model', () => {
  it('level-1 headings open sections; deeper headings get unique ids', () => {
    const result = briefing(data, '# One\n\n## Part\n\ntext\n\n# Two\n\n## Part\n\n## Sources\n');
    expect(result.model?.sections.map((s) => [s.id, s.title])).toEqual([
      ['one', 'One'],
      ['two', 'Two'],
    ]);
    const headings = result.model?.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'heading'));
    expect(headings?.map((h) => (h.type === 'heading' ? [h.level, h.id] : []))).toEqual([
      [2, 'part'],
      [2, 'part-2'],
      [2, 'sources-2'],
    ]);
  });

  it('paragraphs keep strong, emphasis, links and breaks as runs', () => {
    const [p] = blocks(
      '# T\n\nA **bold *nested*** and _em_ with [a link](https://example.org "t").  \nNext line.\n',
    );
    expect(p).toMatchObject({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'A ' },
        {
          type: 'strong',
          children: [
            { type: 'text', text: 'bold ' },
            { type: 'emphasis', children: [{ type: 'text', text: 'nested' }] },
          ],
        },
        { type: 'text', text: ' and ' },
        { type: 'emphasis', children: [{ type: 'text', text: 'em' }] },
        { type: 'text', text: ' with ' },
        { type: 'link', url: 'https://example.org', children: [{ type: 'text', text: 'a link' }] },
        { type: 'text', text: '.' },
        { type: 'break' },
        { type: 'text', text: 'Next line.' },
      ],
    });
  });

  it('lists, ordered lists with a start, quotes', () => {
    const [ul, ol, quote] = blocks('# T\n\n- a\n- b **c**\n\n3. x\n4. y\n\n> quoted **text**\n');
    expect(ul).toMatchObject({ type: 'list', ordered: false });
    expect(ul?.type === 'list' && ul.items.map(runsText)).toEqual(['a', 'b c']);
    expect(ol).toMatchObject({ type: 'list', ordered: true, start: 3 });
    expect(quote).toMatchObject({ type: 'quote', children: [{ type: 'paragraph' }] });
  });

  it('GFM tables keep alignment and inline runs in cells', () => {
    const [table] = blocks(
      '# T\n\n| Name | Amount | Mid | Plain |\n|:--|--:|:-:|---|\n| **a** | 1 | x | y |\n',
    );
    expect(table).toMatchObject({ type: 'table', align: ['left', 'right', 'center', null] });
    expect(table?.type === 'table' && table.rows[0]?.[0]).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'a' }] },
    ]);
  });

  it('charts are numbered in document order, wherever they sit', () => {
    const all = blocks('# A\n\n![x](chart:sector-ai)\n\n# B\n\nText ![y](chart:influence-matrix) more.\n');
    const charts = all.filter((b) => b.type === 'figure');
    expect(charts.map((c) => (c.type === 'figure' ? [c.chartId, c.number] : []))).toEqual([
      ['sector-ai', 1],
      ['influence-matrix', 2],
    ]);
    // The text around an inline chart stays, split around the figure.
    expect(
      all
        .filter((b) => b.type === 'paragraph')
        .map((b) => (b.type === 'paragraph' ? runsText(b.children) : '')),
    ).toEqual(['Text', 'more.']);
  });

  it('<!-- kpi --> makes big numbers, <!-- takeaways --> feeds the cover, page breaks both ways', () => {
    const result = briefing(
      data,
      '# T\n\n<!-- takeaways -->\n- First{{cite "park-2025"}}\n- Second\n\n<!-- kpi -->\n- **₩1 trillion** label text *a note*{{cite "msit-2022"}}\n- **2** other\n\n<!-- pagebreak -->\n\n---\n\nafter\n',
    );
    expect(result.model?.takeaways.map(runsText)).toEqual(['First[1]', 'Second']);
    expect(result.model?.sections[0]?.blocks.map((b) => b.type)).toEqual([
      'kpi',
      'pageBreak',
      'pageBreak',
      'paragraph',
    ]);
    expect(result.model?.sections[0]?.blocks[0]).toMatchObject({
      type: 'kpi',
      items: [
        { value: '₩1 trillion', label: 'label text', note: 'a note', citations: [2] },
        { value: '2', label: 'other', citations: [] },
      ],
    });
  });

  it('title and subtitle directives override the dataset meta', () => {
    const result = briefing(
      data,
      '<!-- title: A one-pager -->\n<!-- subtitle: Its subtitle -->\n\n# T\n\nx\n',
    );
    expect(result.model?.meta).toMatchObject({
      title: 'A one-pager',
      subtitle: 'Its subtitle',
      asOfLabel: '15 July 2025',
    });
  });

  it('nodes keep their template position, through loops and partials', () => {
    const result = briefing(
      data,
      '# T\n\n{{#each (take risks 2)}}\n{{> risk}}\n\n{{/each}}\n| a |\n|---|\n| b |\n',
      { risk: '{{!-- comment line --}}\n**{{name}}** risk\n' },
    );
    const positions = result.model?.sections[0]?.blocks.map((b) => [
      b.type,
      b.pos?.template,
      b.pos?.line,
      b.pos?.column,
    ]);
    expect(positions).toEqual([
      ['paragraph', 'partials/risk.md.hbs', 2, 1],
      ['paragraph', 'partials/risk.md.hbs', 2, 1],
      ['table', 'main.md.hbs', 7, 1],
    ]);
    expect(result.model?.sections[0]?.pos).toEqual({ template: 'main.md.hbs', line: 1, column: 1 });
  });
});

describe('Markdown → deck model (Marp conventions)', () => {
  const source = `<!-- layout: title -->

# Deck title

## Deck subtitle

---

<!-- layout: two-column -->

# Compare

- left item

<!-- column -->

- right item{{cite "park-2025"}}

<!-- notes: Say this. {{cite "msit-2022"}} -->
<!-- A plain comment is a note too, as in Marp. -->

---

# Numbers

<!-- kpi -->
- **4** channels

<!-- notes: n -->
`;

  it('splits slides on ---, reads layout, title, subtitle, columns and notes', () => {
    const result = deck(data, source);
    expect(result.diagnostics).toEqual([]);
    const slides = result.model?.slides ?? [];
    expect(slides.map((s) => [s.layout, s.title, s.subtitle])).toEqual([
      ['title', 'Deck title', 'Deck subtitle'],
      ['two-column', 'Compare', undefined],
      ['kpi', 'Numbers', undefined],
    ]);
    expect(slides[1]?.blocks.map((b) => b.type)).toEqual(['list']);
    expect(slides[1]?.right?.map((b) => b.type)).toEqual(['list']);
    expect(slides[1]?.notes).toBe('Say this. [2]\nA plain comment is a note too, as in Marp.');
    expect(result.model?.sources.map((s) => s.id)).toEqual(['park-2025', 'msit-2022']);
    expect(slides[2]?.pos).toMatchObject({ line: 24, column: 1 });
  });

  it('warns about a content slide without notes, and infers layouts when none is given', () => {
    const result = deck(data, '# Only title\n\n---\n\n# Chart\n\n{{chart "sector-ai"}}\n');
    expect(result.model?.slides.map((s) => s.layout)).toEqual(['title', 'chart']);
    expect(result.diagnostics).toMatchObject([{ severity: 'warning', code: 'TEMPLATE_SYNTAX', line: 5 }]);
  });
});
