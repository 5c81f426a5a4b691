/**
 * Adding a format is one folder and one registry row: the text renderer in ./txt-renderer
 * registers itself, and a config document of that format is validated by its schema, built,
 * published in out/ and listed in the manifest, without a change to src/pipeline.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/input/yaml.js';
import { parseWith } from '../../src/input/zod-issues.js';
import { buildConfigSchema } from '../../src/pipeline/config.js';
import { buildIn, makeProject, ROOT } from './project.js';
import './txt-renderer/index.js';

const OUTLINE = [
  'txt:',
  '  marker: "="',
  'documents:',
  '  - id: outline',
  '    template: briefing.md.hbs',
  '    format: txt',
  '    output: outline.txt',
  '  - id: sector-outline',
  '    template: sector.md.hbs',
  '    format: txt',
  '    for: sectors',
  '    output: outlines/{sector}.txt',
  '    params: { marker: "-" }',
].join('\n');

function withOutline(dir: string): void {
  const file = join(dir, 'briefkit.config.yaml');
  const shipped = readFileSync(file, 'utf8');
  writeFileSync(file, shipped.replace('documents:', OUTLINE));
}

describe('a format registered from outside src/', () => {
  it('builds its documents into out/ and the manifest', async () => {
    const dir = makeProject();
    withOutline(dir);
    const report = await buildIn(dir, { only: ['outline', 'sector-outline'] });
    expect(report.diagnostics).toEqual([]);
    const outline = readFileSync(join(dir, 'out', 'outline.txt'), 'utf8');
    const lines = outline.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    // The config's `txt:` defaults reach the renderer: every heading carries its marker.
    expect(lines.slice(1).every((line) => /^=+ \S/.test(line))).toBe(true);
    const sectors = readdirSync(join(dir, 'out', 'outlines'));
    expect(sectors.length).toBeGreaterThan(1);
    const sector = readFileSync(join(dir, 'out', 'outlines', sectors[0] ?? ''), 'utf8');
    // A document's own params override the defaults.
    expect(
      sector
        .trimEnd()
        .split('\n')
        .slice(1)
        .every((line) => /^-+ \S/.test(line)),
    ).toBe(true);

    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as {
      outputs: { path: string; job: string; sha256: string }[];
    };
    const listed = manifest.outputs.find((o) => o.path === 'outline.txt');
    expect(listed?.job).toBe('outline');
    expect(listed?.sha256).toBe(createHash('sha256').update(outline).digest('hex'));
    expect(manifest.outputs.filter((o) => o.path.startsWith('outlines/'))).toHaveLength(sectors.length);
  });

  it('has its params checked by its own schema, at their line', () => {
    const text = `datasets: [d.yaml]\n${OUTLINE.replace('{ marker: "-" }', '{ marker: "", pdfa: true }')}\n`;
    const parsed = parseYaml(text, 'briefkit.config.yaml');
    if (!parsed.source) throw new Error('the test config does not parse');
    const { diagnostics } = parseWith(buildConfigSchema(), parsed.source);
    expect(diagnostics.map((d) => [d.code, d.path, d.line])).toEqual([
      ['DATA_TOO_SMALL', 'documents[1].params.marker', 14],
      ['DATA_UNKNOWN_KEY', 'documents[1].params.pdfa', 14],
    ]);
  });
});

describe('the build', () => {
  it('names no format: formats live behind the renderer registry', () => {
    const naming = ['pipeline', 'cli'].flatMap((folder) => {
      const dir = join(ROOT, 'src', folder);
      return readdirSync(dir)
        .filter((name) => name.endsWith('.ts'))
        .filter((name) =>
          /['"`](pdf|pptx)['"`]|render\/(pdf|pptx)/.test(readFileSync(join(dir, name), 'utf8')),
        )
        .map((name) => `${folder}/${name}`);
    });
    expect(naming).toEqual([]);
  });

  it('is added without the pipeline or another renderer: the text renderer imports neither', () => {
    const source = readFileSync(join(import.meta.dirname, 'txt-renderer', 'index.ts'), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
    expect(imports.length).toBeGreaterThan(0);
    expect(
      imports.filter((path) => /src\/(pipeline|cli|charts)\/|src\/render\/(pdf|pptx)/.test(path)),
    ).toEqual([]);
  });
});
