/** `<!-- priority: N -->` and `<!-- more: … -->` in the briefing model (issue 13: one-pagers that fit). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { briefing, dataset } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await dataset();
});

describe('fit directives', () => {
  it('priority marks the next block, or before a # heading the section; more marks the next list', () => {
    const result = briefing(
      data,
      [
        '# Kept',
        '',
        'Always here.',
        '',
        '<!-- priority: 3 -->',
        '# Programmes',
        '',
        '<!-- priority: 2 -->',
        '<!-- more: {count} more programme | {count} more programmes -->',
        '- one',
        '- two',
        '',
        'After.',
        '',
      ].join('\n'),
    );
    expect(result.diagnostics).toEqual([]);
    const [kept, programmes] = result.model?.sections ?? [];
    expect(kept?.priority).toBeUndefined();
    expect(kept?.blocks[0]?.priority).toBeUndefined();
    expect(programmes?.priority).toBe(3);
    const [list, after] = programmes?.blocks ?? [];
    expect(list).toMatchObject({
      type: 'list',
      priority: 2,
      more: { one: '{count} more programme', many: '{count} more programmes' },
    });
    // The directives mark one block only.
    expect(after?.priority).toBeUndefined();
  });

  it('a whole number first caps the list: <!-- more: 5 | … | … -->', () => {
    const result = briefing(
      data,
      '# T\n\n<!-- more: 5 | {count} more item | {count} more items -->\n- a\n- b\n',
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.sections[0]?.blocks[0]).toMatchObject({
      more: { one: '{count} more item', many: '{count} more items', max: 5 },
    });
  });

  it('one form of a more line serves every count', () => {
    const result = briefing(data, '# T\n\n<!-- more: {count} more in the briefing -->\n- a\n- b\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.sections[0]?.blocks[0]).toMatchObject({
      more: { one: '{count} more in the briefing', many: '{count} more in the briefing' },
    });
  });

  it('a priority that is not a whole number, or a more line without {count}, is an error at its line', () => {
    const bad = briefing(data, '# T\n\n<!-- priority: high -->\nText.\n');
    expect(bad.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['TEMPLATE_SYNTAX', 'error', 3],
    ]);
    expect(bad.diagnostics[0]?.hint).toContain('<!-- priority: 2 -->');
    const noCount = briefing(data, '# T\n\n<!-- more: more programmes -->\n- a\n');
    expect(noCount.diagnostics.map((d) => [d.code, d.line])).toEqual([['TEMPLATE_SYNTAX', 3]]);
  });

  it('a more line before something other than a list is a warning', () => {
    const result = briefing(data, '# T\n\n<!-- more: {count} more -->\nA paragraph.\n');
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['TEMPLATE_SYNTAX', 'warning']]);
    expect(result.model?.sections[0]?.blocks[0]).not.toHaveProperty('more');
  });
});
