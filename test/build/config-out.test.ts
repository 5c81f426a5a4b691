/**
 * Where out/ may be, and which output names a build can publish: every mistake is exit 1 at
 * its config line, found before anything is written (no state folder, no lock, no leftover
 * beside out/), and `out: out/` is the same folder as `out: out`.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefingWithoutCompanion, buildIn, makeProject, shippedEntry } from './project.js';

const SECTOR = shippedEntry('output: sectors/{sector}.pdf');
const BRIEFING = shippedEntry('output: briefing.pdf');

function editConfig(dir: string, from: string, to: string): void {
  const file = join(dir, 'briefkit.config.yaml');
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`edit did not apply: ${from}`);
  writeFileSync(file, text.replace(from, to));
}

/** Every path under the project folder but node_modules (a link), sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p !== 'node_modules' && !p.startsWith('node_modules/'))
    .sort();
}

const ONE = { only: ['sector-ai'] };

describe('out: with a trailing slash or ./', () => {
  it('publishes into the same out/ as `out: out`, leaving nothing beside it', async () => {
    const dir = makeProject();
    editConfig(dir, 'out: out', 'out: out/');
    const first = await buildIn(dir, ONE);
    expect(first.diagnostics).toEqual([]);
    expect(first.status).toBe('built');
    expect(readdirSync(dir).sort()).toEqual([
      '.briefkit',
      'briefkit.config.yaml',
      'data',
      'node_modules',
      'out',
      'templates',
    ]);
    expect(readdirSync(join(dir, 'out'))).toContain('manifest.json');
    editConfig(dir, 'out: out/', 'out: ./out//');
    const second = await buildIn(dir, ONE);
    expect(second.diagnostics).toEqual([]);
    expect(second.cached).toContain('sector-ai');
    expect(second.built).toEqual([]);
  }, 60_000);
});

describe('an out folder that is not briefkit’s', () => {
  it.each([
    ['the config file itself', 'briefkit.config.yaml', 'the config file'],
    ['a folder of the project with files and no briefkit manifest', 'data/sources', 'no briefkit manifest'],
    ['the dataset file', 'data/korea-emerging-tech.yaml', 'data/korea-emerging-tech.yaml'],
    ['the templates folder, written with a slash', 'templates/', 'templates'],
    ['a folder inside the config file', 'briefkit.config.yaml/out', 'inside a file'],
    ['the git folder', '.git', '.git'],
    ['a folder inside the git folder', '.git/out', '.git'],
  ])('refuses %s at the out line, writing nothing', async (_what, out, named) => {
    const dir = makeProject();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    editConfig(dir, 'out: out', `out: ${out}`);
    const before = tree(dir);
    const report = await buildIn(dir, ONE);
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toMatchObject([
      { severity: 'error', file: 'briefkit.config.yaml', line: 8, column: 6, path: 'out' },
    ]);
    expect(report.diagnostics[0]?.message).toContain(named);
    expect(report.diagnostics[0]?.hint).toBeTruthy();
    expect(tree(dir)).toEqual(before);
  });

  it('accepts an empty folder, and a copy of a briefkit out/ (it holds a briefkit manifest)', async () => {
    const dir = makeProject();
    mkdirSync(join(dir, 'public'));
    editConfig(dir, 'out: out', 'out: public');
    const first = await buildIn(dir, ONE);
    expect(first.diagnostics).toEqual([]);
    expect(first.status).toBe('built');
    cpSync(join(dir, 'public'), join(dir, 'copy'), { recursive: true, dereference: true });
    editConfig(dir, 'out: public', 'out: copy');
    const second = await buildIn(dir, ONE);
    expect(second.diagnostics).toEqual([]);
    expect(second.cached).toContain('sector-ai');
  }, 60_000);

  it('accepts an out/ where an older briefkit published only --emit model output', async () => {
    const dir = makeProject();
    mkdirSync(join(dir, 'out', 'models'), { recursive: true });
    writeFileSync(join(dir, 'out', 'models', 'briefing.model.json'), '{}\n');
    const report = await buildIn(dir, ONE);
    expect(report.diagnostics).toEqual([]);
    expect(report.status).toBe('built');
    // index.html: the hand-out page, written beside the manifest and not listed in it.
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['index.html', 'manifest.json', 'sectors']);
  }, 60_000);
});

describe('output names the build could not publish', () => {
  it.each([
    [
      'a {sector} name over 255 bytes once expanded',
      'output: sectors/{sector}.pdf',
      `output: sectors/{sector}-${'a'.repeat(240)}.pdf`,
      SECTOR.path,
      SECTOR.line,
    ],
    [
      'a path too long for the file system',
      'output: briefing.pdf',
      `output: ${Array.from({ length: 21 }, () => 'f'.repeat(200)).join('/')}.pdf`,
      BRIEFING.path,
      BRIEFING.line,
    ],
    [
      'an output that differs from a {sector} output only by case',
      'output: briefing.pdf',
      'output: SECTORS/AI.pdf',
      SECTOR.path,
      SECTOR.line,
    ],
  ])('refuses %s at its line, writing nothing', async (_what, from, to, path, line) => {
    const dir = makeProject();
    if (from === 'output: briefing.pdf') briefingWithoutCompanion(dir);
    editConfig(dir, from, to);
    const before = tree(dir);
    const report = await buildIn(dir, ONE);
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toMatchObject([
      { code: 'CONFIG_INVALID', file: 'briefkit.config.yaml', line, path },
    ]);
    expect(report.diagnostics[0]?.hint).toBeTruthy();
    expect(tree(dir)).toEqual(before);
  });

  it('refuses a document id that a {sector} document also makes, at the id as written, writing nothing', async () => {
    const dir = makeProject();
    editConfig(dir, '  - id: briefing\n', '  - id: sector-ai\n');
    const before = tree(dir);
    const report = await buildIn(dir, ONE);
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toMatchObject([
      { code: 'CONFIG_INVALID', file: 'briefkit.config.yaml', line: 13, path: 'documents[0].id' },
    ]);
    expect(report.diagnostics[0]?.message).toContain('"sector-ai"');
    expect(report.diagnostics[0]?.hint).toBeTruthy();
    expect(tree(dir)).toEqual(before);
  });
});

describe('any input refused before rendering', () => {
  it('writes nothing: a template error leaves no state folder and no lock', async () => {
    const dir = makeProject();
    const template = join(dir, 'templates', 'sector.md.hbs');
    writeFileSync(template, `${readFileSync(template, 'utf8')}\n{{noSuchHelper sector}}\n`);
    const before = tree(dir);
    const report = await buildIn(dir, ONE);
    expect(report.status).toBe('invalid');
    expect(report.diagnostics.map((d) => d.code)).toContain('TEMPLATE_UNKNOWN_HELPER');
    expect(tree(dir)).toEqual(before);
  });
});
