/**
 * Template mistakes that only show when the template runs (issue 10, item 13): a path through
 * a text or an empty field, and a partial that includes itself. Each is a TEMPLATE_*
 * diagnostic at the template's file:line:column with a hint, never a JavaScript error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { renderModel } from '../../src/document/build-models.js';
import { testCatalogue } from './catalogue.js';
import { briefing, dataset, templates } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await dataset();
});

function only<T>(list: readonly T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

describe('a path that leads through a text or an empty field', () => {
  it('{{sector.name.length}} in a one-pager is positioned, with a hint', () => {
    const sectorId = data.sectors[0]?.id ?? '';
    const main = '# Overview\n\nThe name has {{sector.name.length}} letters.\n';
    const result = renderModel('briefing', data, testCatalogue(data), templates(main), { sectorId });
    expect(result.model).toBeUndefined();
    const d = only(result.diagnostics);
    expect(d).toMatchObject({ code: 'TEMPLATE_MISSING_FIELD', file: 'main.md.hbs', line: 3, column: 16 });
    expect(d.message).toContain('sector.name');
    expect(d.message).not.toMatch(/Cannot use|TypeError|undefined/);
    expect(d.hint).toBeTruthy();
  });

  it('a field read through an empty value, inside a loop and a partial', () => {
    const withoutBudget = data.programs.find((p) => !p.budget);
    expect(withoutBudget).toBeDefined();
    const main = '# T\n\n{{#each programs}}\n- {{> line}}\n{{/each}}\n';
    const d = only(briefing(data, main, { line: '{{name}}: {{budget.amount}}' }).diagnostics);
    expect(d).toMatchObject({
      code: 'TEMPLATE_MISSING_FIELD',
      file: 'partials/line.md.hbs',
      line: 1,
      column: 13,
    });
    expect(d.message).toContain('budget');
    expect(d.hint).toMatch(/#if/);
  });

  it('this.length on a text in a loop over texts', () => {
    const main = '# T\n\n{{#each programs}}{{#each goals}}\n- {{this.length}}\n{{/each}}{{/each}}\n';
    const d = only(briefing(data, main).diagnostics);
    expect(d).toMatchObject({ code: 'TEMPLATE_MISSING_FIELD', file: 'main.md.hbs', line: 4, column: 5 });
    expect(d.message).toContain('is a text');
  });
});

describe('a partial that includes itself', () => {
  it('directly: reported at the {{> …}} in the partial, before anything runs', () => {
    const result = briefing(data, '# T\n\n{{> loop}}\n', { loop: 'again\n{{> loop}}\n' });
    expect(result.model).toBeUndefined();
    const d = only(result.diagnostics);
    expect(d).toMatchObject({ file: 'partials/loop.md.hbs', line: 2, column: 1 });
    expect(d.code).toMatch(/^TEMPLATE_/);
    expect(d.message).toContain('loop');
    expect(d.hint).toBeTruthy();
  });

  it('through another partial, inside a block', () => {
    const result = briefing(data, '# T\n\n{{> a}}\n', {
      a: 'A {{#each sectors}}{{> b}}{{/each}}',
      b: 'B\n  {{#if name}}{{> a}}{{/if}}',
    });
    const d = only(result.diagnostics);
    expect(d).toMatchObject({ file: 'partials/b.md.hbs', line: 2, column: 15 });
    expect(d.message).toMatch(/a → b → a|"a"/);
  });
});
