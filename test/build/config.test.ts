import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/input/yaml.js';
import { parseWith } from '../../src/input/zod-issues.js';
import { buildConfigSchema, loadConfig, withCompanions } from '../../src/pipeline/config.js';
import { configJsonSchema } from '../../src/pipeline/config-schema.js';

const ROOT = join(import.meta.dirname, '..', '..');

function check(text: string) {
  const parsed = parseYaml(text, 'briefkit.config.yaml');
  if (!parsed.source) return parsed.diagnostics;
  return parseWith(buildConfigSchema(), parsed.source).diagnostics;
}

describe('briefkit.config.yaml', () => {
  it('the shipped config validates', async () => {
    const result = await loadConfig(join(ROOT, 'briefkit.config.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.documents.map((d) => d.id)).toEqual([
      'briefing',
      'briefing-evidence',
      'deck',
      'sector',
      'briefing-html',
    ]);
  });

  it('has a committed JSON Schema that matches the zod schema', () => {
    const committed = readFileSync(join(ROOT, 'data', 'briefkit.config.schema.json'), 'utf8');
    expect(committed, 'data/briefkit.config.schema.json is stale: run "npm run schema"').toBe(
      configJsonSchema(),
    );
  });

  it('reports a wrong format with its position and a did-you-mean', () => {
    const diagnostics = check(
      'datasets: [d.yaml]\ndocuments:\n  - id: deck\n    template: deck.md.hbs\n    format: ppt\n    output: deck.pptx\n',
    );
    expect(diagnostics).toMatchObject([
      {
        code: 'DATA_INVALID_VALUE',
        line: 5,
        column: 13,
        path: 'documents[0].format',
        hint: 'did you mean "pptx"?',
      },
    ]);
  });

  it('refuses an output path outside out/ and a fan-out without {sector}', () => {
    const diagnostics = check(
      [
        'datasets: [d.yaml]',
        'documents:',
        '  - { id: a, template: a.md.hbs, format: pdf, output: ../escape.pdf }',
        '  - { id: b, template: b.md.hbs, format: pdf, output: b.pdf, for: sectors }',
      ].join('\n'),
    );
    expect(diagnostics.map((d) => d.path)).toEqual(['documents[0].output', 'documents[1].output']);
  });

  it('refuses a companion evidence file no document writes, at its position', () => {
    const diagnostics = check(
      [
        'datasets: [d.yaml]',
        'documents:',
        '  - { id: a, template: a.md.hbs, format: pdf, output: reports/a.pdf, params: { evidence: a-evidence.pdf } }',
        '  - { id: b, template: a.md.hbs, format: pdf, output: a-evidence.pdf, params: { variant: evidence } }',
        '  - { id: c, template: a.md.hbs, format: html, output: reports/a.html, params: { evidence: ../a-evidence.pdf } }',
      ].join('\n'),
    );
    // a's companion is named beside a (reports/a-evidence.pdf), which no document writes; c's
    // "../" is refused by the file-name rule before the companion check.
    expect(diagnostics.map((d) => [d.path, d.line]).sort()).toEqual([
      ['documents[0].params.evidence', 3],
      ['documents[2].params.evidence', 5],
    ]);
    expect(diagnostics.find((d) => d.line === 3)?.message).toContain('reports/a-evidence.pdf');
    expect(
      check(
        [
          'datasets: [d.yaml]',
          'documents:',
          '  - { id: a, template: a.md.hbs, format: pdf, output: a.pdf, params: { evidence: a-evidence.pdf } }',
          '  - { id: b, template: a.md.hbs, format: pdf, output: a-evidence.pdf, params: { variant: evidence } }',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('builds the companion evidence file with the document that names it under --only', async () => {
    const config = (await loadConfig(join(ROOT, 'briefkit.config.yaml'))).value;
    if (!config) throw new Error('the shipped config does not load');
    const named = (id: string) => {
      const doc = config.documents.find((d) => d.id === id);
      return (doc?.params as { evidence?: string } | undefined)?.evidence;
    };
    const companionOf = (id: string) => config.documents.find((d) => d.output === named(id))?.id;
    const companion = companionOf('briefing');
    expect(companion, 'the shipped briefing names a companion another document writes').toBeDefined();
    expect(withCompanions(config, ['briefing'])).toEqual(['briefing', companion]);
    // The HTML edition names the same file: asked for alone, it brings it too.
    expect(withCompanions(config, ['briefing-html'])).toEqual([
      'briefing-html',
      companionOf('briefing-html'),
    ]);
    // A document that names none is built alone; no --only is every document.
    expect(withCompanions(config, ['deck'])).toEqual(['deck']);
    expect(withCompanions(config, undefined)).toBeUndefined();
  });

  it('refuses duplicate document ids and unknown keys', () => {
    const diagnostics = check(
      'datasets: [d.yaml]\noutt: x\ndocuments:\n  - { id: a, template: a, format: pdf, output: a.pdf }\n  - { id: a, template: a, format: pdf, output: b.pdf }\n',
    );
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['DATA_INVALID_VALUE', 'DATA_UNKNOWN_KEY']);
    expect(diagnostics.find((d) => d.code === 'DATA_UNKNOWN_KEY')?.hint).toBe('did you mean "out"?');
  });
});

describe('a document entry is checked by its format', () => {
  const deck = (extra: string) =>
    check(
      `datasets: [d.yaml]\ndocuments:\n  - id: deck\n    template: deck.md.hbs\n    format: pptx\n    output: deck/{sector}.pptx\n${extra}`,
    );

  it('refuses `for: sectors` on a deck at its line (the deck renderer builds one file)', () => {
    const diagnostics = deck('    for: sectors\n');
    expect(diagnostics).toMatchObject([
      { code: 'DATA_INVALID_VALUE', line: 7, column: 10, path: 'documents[0].for' },
    ]);
    expect(diagnostics[0]?.message).toContain('not one per sector');
    expect(diagnostics[0]?.hint).toContain('remove "for:"');
  });

  it('refuses PDF options on a deck, each at its own line', () => {
    const diagnostics = deck('    params:\n      pdfa: true\n      pageSize: A4\n      variant: one-pager\n');
    expect(diagnostics.map((d) => [d.code, d.path, d.line])).toEqual([
      ['DATA_UNKNOWN_KEY', 'documents[0].params.pdfa', 8],
      ['DATA_UNKNOWN_KEY', 'documents[0].params.pageSize', 9],
      ['DATA_UNKNOWN_KEY', 'documents[0].params.variant', 10],
    ]);
  });

  it('still says a missing format is required, at its entry', () => {
    const diagnostics = check(
      'datasets: [d.yaml]\ndocuments:\n  - id: a\n    template: a.md.hbs\n    output: a.pdf\n',
    );
    expect(diagnostics).toMatchObject([{ code: 'DATA_REQUIRED', line: 3, path: 'documents[0].format' }]);
  });

  it('still accepts the PDF options on a PDF document and checks their values', () => {
    const ok = check(
      'datasets: [d.yaml]\ndocuments:\n  - id: a\n    template: a.md.hbs\n    format: pdf\n    output: a.pdf\n    params: { pdfa: true, pageSize: LETTER, variant: one-pager }\n',
    );
    expect(ok).toEqual([]);
    const bad = check(
      'datasets: [d.yaml]\ndocuments:\n  - id: a\n    template: a.md.hbs\n    format: pdf\n    output: a.pdf\n    params:\n      pageSize: A5\n',
    );
    expect(bad).toMatchObject([
      { code: 'DATA_INVALID_VALUE', line: 8, path: 'documents[0].params.pageSize' },
    ]);
  });
});
