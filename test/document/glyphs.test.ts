/**
 * A character the theme's fonts cannot show (issue 10, item 1) is an input problem found on
 * the document model before rendering: TEXT_MISSING_GLYPH at the dataset field or template
 * line:column holding it, never a renderer failure.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import {
  buildBriefingModel,
  buildDeckModel,
  buildSectorModel,
  renderModel,
} from '../../src/document/build-models.js';
import { missingGlyphDiagnostics } from '../../src/document/coverage.js';
import { checkModelGlyphs } from '../../src/document/coverage-files.js';
import type { DocumentModel } from '../../src/document/model.js';
import type { Theme } from '../../src/theme/schema.js';
import { type FontCoverage, themeCoverage } from '../../src/theme/stack-coverage.js';
import { defaultTheme, testFonts } from '../support/theme.js';
import { testCatalogue } from './catalogue.js';
import { dataset, ROOT, SHIPPED, TEMPLATES, templates } from './support.js';

let data: Dataset;
let theme: Theme;
let coverage: FontCoverage;
beforeAll(async () => {
  data = await dataset();
  theme = await defaultTheme();
  coverage = themeCoverage(theme, testFonts);
});

function shippedModels(d: Dataset): DocumentModel[] {
  const input = { dataset: d, charts: testCatalogue(d), templatesDir: TEMPLATES, baseDir: ROOT };
  const results = [
    buildBriefingModel(input),
    buildDeckModel(input),
    ...d.sectors.map((s) => buildSectorModel({ ...input, sectorId: s.id })),
  ];
  return results.map((r) => {
    expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    return r.model as DocumentModel;
  });
}

/** The shipped dataset with one line edited, written to a temporary file and loaded. */
async function editedDataset(from: string, to: string): Promise<{ file: string; data: Dataset }> {
  const text = readFileSync(SHIPPED, 'utf8');
  expect(text).toContain(from);
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-glyphs-'));
  // Beside its sources, as in data/: validation finds every quote in them.
  cpSync(join(dirname(SHIPPED), 'sources'), join(dir, 'sources'), { recursive: true });
  const file = join(dir, 'dataset.yaml');
  writeFileSync(file, text.replace(from, to));
  const loaded = await loadDatasetFile(file);
  expect(loaded.diagnostics).toEqual([]);
  return { file, data: loaded.dataset as Dataset };
}

function onlyGlyphProblem(diagnostics: Diagnostic[]): Diagnostic {
  expect(diagnostics.map((d) => d.code)).toEqual(['TEXT_MISSING_GLYPH']);
  return diagnostics[0] as Diagnostic;
}

describe('characters the theme fonts cannot show', () => {
  it('the shipped fonts cover the shipped dataset and templates', () => {
    expect(coverage.covers('인')).toBe(true);
    expect(coverage.covers('₩')).toBe(true);
    // The fallbacks: Han, Devanagari, Arabic.
    expect(coverage.covers('人')).toBe(true);
    expect(coverage.covers('न')).toBe(true);
    expect(coverage.covers('ع')).toBe(true);
    expect(coverage.covers('🚀')).toBe(false);
    const models = shippedModels(data);
    expect(
      checkModelGlyphs({
        models,
        dataset: data,
        theme,
        fonts: testFonts,
        datasetFile: SHIPPED,
        baseDir: ROOT,
      }),
    ).toEqual([]);
  });

  it('in a dataset name: reported at the field, line and column of the character', async () => {
    const line = '    name: Artificial intelligence\n';
    const edited = await editedDataset(line, '    name: Artificial intelligence 人工 🤖 🛸\n');
    const models = shippedModels(edited.data);
    const d = onlyGlyphProblem(
      checkModelGlyphs({
        models,
        dataset: edited.data,
        theme,
        fonts: testFonts,
        datasetFile: edited.file,
        baseDir: ROOT,
      }),
    );
    const lines = readFileSync(edited.file, 'utf8').split('\n');
    const lineNumber = lines.findIndex((l) => l.includes('🤖')) + 1;
    expect(d).toMatchObject({
      severity: 'error',
      file: edited.file,
      line: lineNumber,
      column: (lines[lineNumber - 1] ?? '').indexOf('🤖') + 1,
      path: 'sectors[0].name',
    });
    expect(d.message).not.toContain('U+4EBA');
    expect(d.message).toContain('U+1F916');
    expect(d.message).toContain('U+1F6F8');
    expect(d.message).toContain(theme.fonts.family);
    expect(d.hint).toBeTruthy();
  });

  it('written by the template, in a partial or a directive: reported at the template line:column', () => {
    const set = templates(
      '<!-- title: Launch 🚀 -->\n\n# T\n\nA line.\n\nThe {{meta.country}} way ✈ ok.\n\n{{> p}}\n',
      {
        p: '{{!-- a comment with 🚀 --}}\nFrom a partial: ⛵\n',
      },
    );
    const result = renderModel('briefing', data, testCatalogue(data), set);
    expect(result.diagnostics).toEqual([]);
    const texts = new Map([
      [set.mainName, set.main],
      ...[...set.partials.values()].map((p) => [p.file, p.text] as const),
    ]);
    const found = missingGlyphDiagnostics({
      models: [result.model as DocumentModel],
      dataset: data,
      coverage,
      datasetFile: SHIPPED,
      datasetText: () => readFileSync(SHIPPED, 'utf8'),
      templateText: (name) => texts.get(name),
    });
    const missing = ['🚀', '✈', '⛵'].filter((c) => !coverage.covers(c));
    expect(missing.length).toBeGreaterThan(0);
    const expected = [
      { char: '🚀', file: 'main.md.hbs', line: 1, column: 20 },
      { char: '✈', file: 'main.md.hbs', line: 7, column: 26 },
      { char: '⛵', file: 'partials/p.md.hbs', line: 2, column: 17 },
    ].filter((e) => missing.includes(e.char));
    expect(found.map((d) => ({ code: d.code, file: d.file, line: d.line, column: d.column }))).toEqual(
      expected.map(({ file, line, column }) => ({ code: 'TEXT_MISSING_GLYPH', file, line, column })),
    );
  });
});
