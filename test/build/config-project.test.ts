/**
 * The project folder is the config file's folder: its paths resolve there whatever the
 * working directory, and nothing it names may lead outside it (links included), nor may
 * two outputs meet once `{sector}` is expanded to the dataset's sector ids.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentProgress } from '../../src/pipeline/progress.js';
import { build } from '../../src/pipeline/run-build.js';
import { briefingWithoutCompanion, EPOCH, makeProject, shippedEntry } from './project.js';

const SECTOR = shippedEntry('output: sectors/{sector}.pdf');

function buildModels(cwd: string, configFile: string) {
  return build({
    cwd,
    configFile,
    emitModel: true,
    jobs: 1,
    env: { SOURCE_DATE_EPOCH: EPOCH },
    progress: silentProgress,
  });
}

function editConfig(dir: string, from: string, to: string): void {
  const file = join(dir, 'briefkit.config.yaml');
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`edit did not apply: ${from}`);
  writeFileSync(file, text.replace(from, to));
}

describe('--config names the project folder', () => {
  it('resolves a config given as ../briefkit.config.yaml against its own folder', async () => {
    const dir = makeProject();
    mkdirSync(join(dir, 'sub'));
    const report = await buildModels(join(dir, 'sub'), '../briefkit.config.yaml');
    expect(report.diagnostics).toEqual([]);
    expect(report.status).toBe('built');
    expect(existsSync(join(dir, '.briefkit', 'out', 'models', 'briefing.model.json'))).toBe(true);
    expect(existsSync(join(dir, 'sub', 'out'))).toBe(false);
  });

  it('reads a config given by its absolute path from any folder', async () => {
    const dir = makeProject();
    const report = await buildModels(tmpdir(), join(dir, 'briefkit.config.yaml'));
    expect(report.diagnostics).toEqual([]);
    expect(existsSync(join(dir, '.briefkit', 'out', 'models', 'briefing.model.json'))).toBe(true);
  });

  it('names a missing absolute config by its absolute path (the leading slash kept)', async () => {
    const dir = makeProject();
    const missing = join(mkdtempSync(join(tmpdir(), 'briefkit-none-')), 'briefkit.config.yaml');
    const report = await buildModels(dir, missing);
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toMatchObject([{ code: 'FILE_NOT_FOUND', file: missing }]);
  });
});

describe('nothing the config names leads outside the project', () => {
  it('refuses a template that links outside the project, at its line', async () => {
    const dir = makeProject();
    const outside = join(mkdtempSync(join(tmpdir(), 'briefkit-outside-')), 'secret.md.hbs');
    writeFileSync(outside, '# not for the briefing\n');
    symlinkSync(outside, join(dir, 'templates', 'linked.md.hbs'));
    editConfig(dir, 'template: briefing.md.hbs', 'template: linked.md.hbs');
    const report = await buildModels(dir, 'briefkit.config.yaml');
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toMatchObject([
      { code: 'CONFIG_INVALID', file: 'briefkit.config.yaml', line: 14, path: 'documents[0].template' },
    ]);
    expect(report.diagnostics[0]?.hint).toBeTruthy();
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a data folder that is a link to elsewhere, at the dataset line', async () => {
    const dir = makeProject();
    const elsewhere = mkdtempSync(join(tmpdir(), 'briefkit-elsewhere-'));
    writeFileSync(join(elsewhere, 'd.yaml'), readFileSync(join(dir, 'data', 'korea-emerging-tech.yaml')));
    symlinkSync(elsewhere, join(dir, 'linked'));
    editConfig(dir, '  - data/korea-emerging-tech.yaml', '  - linked/d.yaml');
    const report = await buildModels(dir, 'briefkit.config.yaml');
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toMatchObject([{ code: 'CONFIG_INVALID', line: 4, path: 'datasets[0]' }]);
  });

  it('refuses an out folder that is a link to elsewhere, at the out line, writing nothing there', async () => {
    const dir = makeProject();
    const elsewhere = mkdtempSync(join(tmpdir(), 'briefkit-elsewhere-'));
    symlinkSync(elsewhere, join(dir, 'out'));
    const report = await buildModels(dir, 'briefkit.config.yaml');
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toMatchObject([{ code: 'CONFIG_INVALID', line: 8, path: 'out' }]);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses a literal output that a {sector} output expands to, at the later document', async () => {
    const dir = makeProject();
    briefingWithoutCompanion(dir);
    editConfig(dir, 'output: briefing.pdf', 'output: sectors/ai.pdf');
    const report = await buildModels(dir, 'briefkit.config.yaml');
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toMatchObject([
      { code: 'CONFIG_INVALID', file: 'briefkit.config.yaml', line: SECTOR.line, path: SECTOR.path },
    ]);
    expect(report.diagnostics[0]?.message).toContain('"sectors/ai.pdf"');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a {sector} output that expands onto the manifest', async () => {
    const dir = makeProject();
    editConfig(dir, 'output: sectors/{sector}.pdf', 'output: "{sector}.json"');
    // Rename the sector "ai" to "manifest" everywhere the dataset names it.
    const dataset = join(dir, 'data', 'korea-emerging-tech.yaml');
    const renamed = readFileSync(dataset, 'utf8')
      .replace('  - id: ai\n', '  - id: manifest\n')
      .replace(/([[ ])ai([\],])/g, '$1manifest$2');
    writeFileSync(dataset, renamed);
    const report = await buildModels(dir, 'briefkit.config.yaml');
    expect(report.status).toBe('invalid');
    expect(report.diagnostics.map((d) => d.path)).toContain(SECTOR.path);
  });
});
