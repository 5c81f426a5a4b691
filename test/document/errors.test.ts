import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { buildBriefingModel, buildDeckModel } from '../../src/document/build-models.js';
import { testCatalogue } from './catalogue.js';
import { dataset, ROOT } from './support.js';

const DIR = join(ROOT, 'test', 'fixtures', 'templates', 'errors');
let data: Dataset;
beforeAll(async () => {
  data = await dataset();
});

function build(template: string, kind: 'briefing' | 'deck' = 'briefing') {
  const input = { dataset: data, charts: testCatalogue(data), templatesDir: DIR, template };
  return kind === 'deck' ? buildDeckModel(input) : buildBriefingModel(input);
}

describe('template mistakes are diagnostics at template:line:column, never crashes', () => {
  it('a missing field (the position is the field path itself)', () => {
    const result = build('missing-field.md.hbs');
    expect(result.model).toBeUndefined();
    expect(result.diagnostics).toMatchObject([
      {
        code: 'TEMPLATE_MISSING_FIELD',
        file: 'test/fixtures/templates/errors/missing-field.md.hbs',
        line: 4,
        column: 16,
      },
    ]);
    expect(result.diagnostics[0]?.message).toContain('publisherr');
    expect(
      formatDiagnostic(result.diagnostics[0] ?? { code: 'INTERNAL', severity: 'error', message: '' }),
    ).toMatch(/missing-field\.md\.hbs:4:16 {2}error TEMPLATE_MISSING_FIELD/);
  });

  it('an unknown helper, with a did-you-mean hint', () => {
    const result = build('unknown-helper.md.hbs');
    expect(result.diagnostics).toMatchObject([
      { code: 'TEMPLATE_UNKNOWN_HELPER', line: 4, column: 13, hint: 'did you mean "money"?' },
    ]);
  });

  it('an unknown chart id through the helper, with a hint', () => {
    const result = build('unknown-chart.md.hbs');
    expect(result.diagnostics).toMatchObject([
      { code: 'TEMPLATE_UNKNOWN_CHART', line: 5, column: 3, hint: 'did you mean "investment-trend"?' },
    ]);
  });

  it('an unknown chart id written as an image', () => {
    const result = build('unknown-chart-image.md.hbs');
    expect(result.diagnostics).toMatchObject([{ code: 'TEMPLATE_UNKNOWN_CHART', line: 5, column: 1 }]);
  });

  it('an unknown source id through cite, with a hint', () => {
    const result = build('unknown-source.md.hbs');
    expect(result.diagnostics).toMatchObject([
      { code: 'TEMPLATE_UNKNOWN_SOURCE', line: 3, column: 8, hint: 'did you mean "park-2025"?' },
    ]);
  });

  it('an unknown source id typed as a footnote', () => {
    const result = build('unknown-source-footnote.md.hbs');
    expect(result.diagnostics).toMatchObject([{ code: 'TEMPLATE_UNKNOWN_SOURCE', line: 5, column: 1 }]);
  });

  it('a missing field inside a partial points at the partial file', () => {
    const result = build('in-partial.md.hbs');
    expect(result.diagnostics).toMatchObject([
      {
        code: 'TEMPLATE_MISSING_FIELD',
        file: 'test/fixtures/templates/errors/partials/risk-line.md.hbs',
        line: 2,
        column: 15,
      },
    ]);
  });

  it('an unknown partial, a syntax error, an unknown layout, a missing template', () => {
    expect(build('unknown-partial.md.hbs').diagnostics).toMatchObject([
      { code: 'TEMPLATE_SYNTAX', line: 3, column: 1, hint: 'did you mean "risk-line"?' },
    ]);
    const syntax = build('syntax.md.hbs').diagnostics;
    expect(syntax).toMatchObject([{ code: 'TEMPLATE_SYNTAX', line: 3 }]);
    expect(syntax[0]?.message).toContain("doesn't match");
    expect(build('bad-layout.md.hbs', 'deck').diagnostics).toMatchObject([
      { code: 'TEMPLATE_UNKNOWN_LAYOUT', line: 7, column: 1 },
    ]);
    expect(build('no-such.md.hbs').diagnostics).toMatchObject([{ code: 'FILE_NOT_FOUND' }]);
  });
});
