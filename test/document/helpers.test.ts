import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { figureBlocks } from '../../src/document/figures.js';
import type { Briefing } from '../../src/document/model.js';
import { briefing, dataset, firstParagraph } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await dataset();
});

/** Renders one paragraph in a section and returns its text (citations as [n]). */
function text(body: string): string {
  const result = briefing(data, `# T\n\n${body}\n`);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return firstParagraph(result.model);
}

describe('figure helpers in templates', () => {
  it('money keeps qualifiers and stated equivalents', () => {
    expect(
      text(
        '{{#with (byId programs "digital-new-deal")}}{{money budget}} ({{#each budgetStated}}{{money this}}{{/each}}){{/with}}',
      ),
    ).toBe('over ₩58 trillion (about US$47 billion)');
    expect(text('{{#with (byId programs "quantum-research-centres")}}{{money budget}}{{/with}}')).toBe(
      'over ₩44 billion',
    );
    expect(text('{{#with (byId investments "strategic-fields-2025")}}{{money amount}}{{/with}}')).toBe(
      '₩6.8 trillion',
    );
  });

  it('money converts only with a rate, and says so', () => {
    expect(
      text('{{#with (byId programs "ai-investment-fund")}}{{money budget to="USD" rate=1400}}{{/with}}'),
    ).toBe('₩100 trillion (≈ US$71.4 billion, converted at ₩1,400 = US$1)');
    expect(
      text('{{#with (byId programs "ai-investment-fund")}}{{money budget qualifier=false}}{{/with}}'),
    ).toBe('₩100 trillion');
  });

  it('number, percent, quantity, date, plural', () => {
    expect(
      text('{{number 30000}} · {{number 2.345 decimals=1}} · {{percent 20}} · {{percent 0.125 ratio=true}}'),
    ).toBe('30,000 · 2.3 · 20% · 12.5%');
    expect(text('{{#with (byId indicators "semiconductor-share")}}{{quantity value}}{{/with}}')).toBe(
      'over 20%',
    );
    expect(text('{{date meta.asOf}} · {{date "2025-06"}} · {{date 2030}}')).toBe(
      '15 July 2025 · June 2025 · 2030',
    );
    expect(
      text('{{plural channels "channel" words=true}} · {{plural 1 "sector"}} · {{plural 0 "risk"}}'),
    ).toBe('four channels · 1 sector · 0 risks');
    expect(text('{{plural sectors "sector" count=false}} · {{plural 1 "sector" count=false}}')).toBe(
      'sectors · sector',
    );
  });

  it('comparison and logic', () => {
    expect(
      text('{{#if (gt sectors.length 3)}}many{{else}}few{{/if}} {{#if (eq meta.currency "KRW")}}krw{{/if}}'),
    ).toBe('many krw');
    expect(text('{{#if (and (lte 1 2) (not (ne 1 1)) (or false true))}}yes{{/if}} {{add 1 2}}')).toBe(
      'yes 3',
    );
    expect(text('{{default meta.organisation "none"}} {{concat "sector-" "ai"}} {{upperFirst "five"}}')).toBe(
      'none sector-ai Five',
    );
    expect(
      text('{{#if (includes "Aid (Big Fund)" "big fund")}}y{{/if}}{{#if (includes "Aid" "Fund")}}n{{/if}}'),
    ).toBe('y');
  });

  it('lookup, sort, filter, take, pluck, join', () => {
    expect(text('{{#with (byId sectors "quantum")}}{{name}}{{/with}}')).toBe('Quantum technologies');
    expect(text('{{join (pluck (sortBy (filterBy programs "budget") "budget" desc=true) "id") ", "}}')).toBe(
      'ai-investment-fund, digital-new-deal, quantum-research-centres',
    );
    expect(text('{{join (pluck (sortBy (filterBy programs "budget") "budget") "id") ", "}}')).toBe(
      'quantum-research-centres, digital-new-deal, ai-investment-fund',
    );
    expect(text('{{join (pluck (filterBy programs "sectors" "quantum") "id") ", "}}')).toBe(
      'quantum-strategy-2023, quantum-research-centres',
    );
    expect(text('{{join (pluck (take (sortBy programs "year") 2) "year") ", "}}')).toBe('2019, 2021');
    expect(text('{{length (without programs "sectors")}}')).toBe('1');
    expect(
      text('{{join (pluck (byIds sectors channels.[0].sectors) "name") ", " last=", and " lowerFirst=true}}'),
    ).toBe('semiconductors and robotics and smart manufacturing');
    expect(text('{{join (pluck risks "id") ", " last=", and "}}')).toBe(
      'over-centralisation, geopolitical-dependence, dual-use-scrutiny, and ethics-governance',
    );
  });

  it('sortBy puts records without the field last, in both directions', () => {
    expect(text('{{#each (take (sortBy programs "budget") 4)}}{{id}} {{/each}}')).toBe(
      'quantum-research-centres digital-new-deal ai-investment-fund national-ai-strategy',
    );
    expect(text('{{#each (take (sortBy programs "budget" desc=true) 4)}}{{id}} {{/each}}')).toBe(
      'ai-investment-fund digital-new-deal quantum-research-centres national-ai-strategy',
    );
  });
});

describe('citations', () => {
  it('numbers sources in order of first citation and lists them in the model', () => {
    const result = briefing(
      data,
      '# T\n\nA{{cite "msit-2022"}} B{{cite "park-2025"}} C{{cite "msit-2022"}}\n',
    );
    expect(firstParagraph(result.model)).toBe('A[1] B[2] C[1]');
    expect(result.model?.sources.map((s) => [s.number, s.id])).toEqual([
      [1, 'msit-2022'],
      [2, 'park-2025'],
    ]);
  });

  it("gives one claim's markers in number order, whatever order the claim's sources come in", () => {
    const result = briefing(data, '# T\n\nA{{cite "msit-2022"}} B{{cite "park-2025" "msit-2022"}}\n');
    expect(firstParagraph(result.model)).toBe('A[1] B[1][2]');
  });

  it('cites a record through its cite list, and a footnote typed by hand', () => {
    const result = briefing(
      data,
      '# T\n\n{{#with (byId risks "over-centralisation")}}X{{cite this}}{{/with}} Y[^msit-2022]\n',
    );
    expect(firstParagraph(result.model)).toBe('X[1] Y[2]');
    const paragraph = result.model?.sections[0]?.blocks[0];
    expect(paragraph?.type === 'paragraph' && paragraph.children).toContainEqual({
      type: 'citation',
      number: 2,
      sourceId: 'msit-2022',
    });
  });

  it('citedSources lists what was cited so far', () => {
    const result = briefing(
      data,
      '# T\n\nA{{cite "park-2025"}} {{#each (citedSources)}}{{this.number}}={{id}}{{/each}}\n',
    );
    expect(firstParagraph(result.model)).toBe('A[1] 1=park-2025');
  });

  it('a field named like a helper must be read as this.field, else the helper reports', () => {
    const result = briefing(data, '# T\n\n{{#each sources}}{{date}}{{/each}}\n');
    expect(result.model).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ code: 'TEMPLATE_HELPER_ARGS', line: 3, column: 18 });
    expect(text('{{#each (take sources 1)}}{{date this.date}}{{/each}}')).toBe('15 July 2025');
  });

  it('chart places a catalogue chart with its title as caption', () => {
    const result = briefing(
      data,
      '# T\n\n{{chart "influence-matrix"}}\n\n![Own alt](chart:sector-ai "Own caption")\n',
    );
    const blocks = result.model?.sections[0]?.blocks ?? [];
    expect(
      blocks.map((b) => (b.type === 'figure' ? [b.chartId, b.number, b.caption, b.alt] : b.type)),
    ).toEqual([
      [
        'influence-matrix',
        1,
        'Sectors and channels of international influence',
        'Which sectors the sources tie to each channel of influence.',
      ],
      ['sector-ai', 2, 'Own caption', 'Own alt'],
    ]);
    expect(figureBlocks(result.model as Briefing).map((f) => f.chartId)).toEqual([
      'influence-matrix',
      'sector-ai',
    ]);
  });

  it('chart takes a caption of its own that says what the figure covers, printed as text', () => {
    const result = briefing(
      data,
      '# T\n\n{{chart "influence-matrix" caption=(concat "Channels by sector: the " (plural sectors "sector" words=true) " *as* listed")}}\n',
    );
    const figure = result.model?.sections[0]?.blocks.find((b) => b.type === 'figure');
    expect(figure?.type === 'figure' ? figure.caption : undefined).toBe(
      'Channels by sector: the five sectors *as* listed',
    );
  });

  it('distinct gives the different values in first-seen order', () => {
    const result = briefing(
      data,
      '# T\n\n{{join (distinct (pluck investments "status")) ", "}}: {{length (distinct (pluck investments "scope"))}}\n',
    );
    expect(firstParagraph(result.model)).toBe('planned, target: 2');
  });
});

describe('data text is not Markdown', () => {
  it('prints names with Markdown characters literally', () => {
    const odd = structuredClone(data);
    const first = odd.sectors[0];
    if (!first) throw new Error('no sector');
    first.name = '*Not* emphasis_ | [link](http://x) <b>';
    const result = briefing(odd, '# T\n\n{{#with (byId sectors "ai")}}{{name}}{{/with}}\n');
    expect(firstParagraph(result.model)).toBe('*Not* emphasis_ | [link](http://x) <b>');
  });
});

describe('citationCounts (behind "chiefly X and Y")', () => {
  it("counts each record citation once, not again as an analysis item's resolved evidence", async () => {
    const { citationCounts } = await import('../../src/document/helpers-sources.js');
    const record = { id: 'r', cite: [{ source: 'a', quote: 'q' }] };
    const other = {
      id: 's',
      cite: [
        { source: 'b', quote: 'q' },
        { source: 'b', quote: 'p' },
      ],
    };
    const data = {
      programs: [record, other],
      analysis: {
        judgements: [{ id: 'j', basedOn: [1, 2, 3].map(() => ({ id: 'r', cite: record.cite, record })) }],
      },
    };
    expect(Object.fromEntries(citationCounts(data))).toEqual({ a: 1, b: 2 });
  });
});
