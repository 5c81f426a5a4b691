/**
 * `--emit model` writes the document models beside out/, in its state folder, and never into
 * out/: out/ holds one complete build, listed whole in its manifest. Each run replaces the
 * models folder whole, and a build does not keep models an older briefkit left in out/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/usage.js';
import { silentProgress } from '../../src/pipeline/progress.js';
import { build } from '../../src/pipeline/run-build.js';
import { buildIn, EPOCH, makeProject, snapshot } from './project.js';

function emitModels(dir: string) {
  return build({
    cwd: dir,
    configFile: 'briefkit.config.yaml',
    emitModel: true,
    jobs: 1,
    env: { SOURCE_DATE_EPOCH: EPOCH },
    progress: silentProgress,
  });
}

const ONE = { only: ['sector-ai'] };

describe('--emit model', () => {
  it('writes every model into .briefkit/out/models/ and leaves out/ byte-identical', async () => {
    const dir = makeProject();
    await buildIn(dir, ONE);
    const before = snapshot(dir);
    const report = await emitModels(dir);
    expect(report.diagnostics).toEqual([]);
    expect(report.status).toBe('built');
    expect(report.built).toContain('briefing');
    expect(snapshot(dir)).toEqual(before);
    const models = join(dir, '.briefkit', 'out', 'models');
    expect(report.modelsDir).toBe(models);
    // Each model with its asset bag as references (what a writer is given, without rendering).
    expect(readdirSync(models).sort()).toEqual(
      report.built.flatMap((id) => [`${id}.assets.json`, `${id}.model.json`]).sort(),
    );
    const model = JSON.parse(readFileSync(join(models, 'briefing.model.json'), 'utf8'));
    expect(model).toMatchObject({ kind: 'briefing' });
  }, 60_000);

  it('replaces the models folder whole: a document removed from the config leaves no model', async () => {
    const dir = makeProject();
    await emitModels(dir);
    const models = join(dir, '.briefkit', 'out', 'models');
    expect(existsSync(join(models, 'deck.model.json'))).toBe(true);
    const file = join(dir, 'briefkit.config.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '  - id: deck\n    template: deck.md.hbs\n    format: pptx\n    output: deck.pptx\n',
        '',
      ),
    );
    const report = await emitModels(dir);
    expect(report.diagnostics).toEqual([]);
    expect(existsSync(join(models, 'deck.model.json'))).toBe(false);
    expect(existsSync(join(models, 'briefing.model.json'))).toBe(true);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 60_000);

  it('is not carried into the next build from an out/ an older briefkit wrote models into', async () => {
    const dir = makeProject();
    await buildIn(dir, ONE);
    const legacy = join(realpathSync(join(dir, 'out')), 'models');
    mkdirSync(legacy);
    writeFileSync(join(legacy, 'briefing.model.json'), '{}\n');
    const report = await buildIn(dir, { only: ['sector-ai'], force: true });
    expect(report.diagnostics).toEqual([]);
    expect(report.status).toBe('built');
    expect(existsSync(join(dir, 'out', 'models'))).toBe(false);
    expect(existsSync(join(dir, 'out', 'sectors', 'ai.pdf'))).toBe(true);
  }, 60_000);

  it('is described in --help where it writes', () => {
    expect(USAGE).toContain('.briefkit/<out>/models/<id>.model.json');
    expect(USAGE).not.toContain('out/<id>.model.json');
  });
});

describe('--only plans only the selected documents', () => {
  it('--only deck builds the deck model alone: a briefing template that cannot render is not read', async () => {
    const dir = makeProject();
    // A field no dataset has: building the briefing's model would stop the build (exit 1).
    writeFileSync(join(dir, 'templates', 'briefing.md.hbs'), '# Briefing\n\n{{noSuchField}}\n');
    const report = await build({
      cwd: dir,
      configFile: 'briefkit.config.yaml',
      emitModel: true,
      only: ['deck'],
      jobs: 1,
      env: { SOURCE_DATE_EPOCH: EPOCH },
      progress: silentProgress,
    });
    expect(report.diagnostics).toEqual([]);
    expect(report.built).toEqual(['deck']);
  }, 60_000);
});
