/** `--config` names the project: its folder, not the working directory, anchors the config's paths. */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { makeProject } from '../build/project.js';

async function runIn(cwd: string, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false };
  const code = await run(argv, io, { cwd, env: {} });
  return { code, out: out.join(''), err: err.join('') };
}

describe('validate --config', () => {
  it('reads the datasets of ../briefkit.config.yaml from that config file’s folder', async () => {
    const dir = makeProject();
    mkdirSync(join(dir, 'sub'));
    const result = await runIn(join(dir, 'sub'), ['validate', '--config', '../briefkit.config.yaml']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('✓ ../data/korea-emerging-tech.yaml: valid');
  });

  it('reads a config given by its absolute path', async () => {
    const dir = makeProject();
    const result = await runIn(tmpdir(), ['validate', '--config', join(dir, 'briefkit.config.yaml')]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`✓ ${join(dir, 'data', 'korea-emerging-tech.yaml')}: valid`);
  });

  it('names a missing absolute config with its leading slash', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'briefkit-none-')), 'briefkit.config.yaml');
    const result = await runIn(makeProject(), ['validate', '--config', missing]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${missing}  error FILE_NOT_FOUND`);
  });
});

describe('build --config', () => {
  it('builds the project of ../briefkit.config.yaml into that project’s out/', async () => {
    const dir = makeProject();
    mkdirSync(join(dir, 'sub'));
    const result = await runIn(join(dir, 'sub'), [
      'build',
      '--config',
      '../briefkit.config.yaml',
      '--emit',
      'model',
      '--jobs',
      '1',
    ]);
    expect(result.code, result.err).toBe(0);
    expect(existsSync(join(dir, '.briefkit', 'out', 'models', 'briefing.model.json'))).toBe(true);
    expect(existsSync(join(dir, 'sub', 'out'))).toBe(false);
  });

  it('names a missing absolute config with its leading slash', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'briefkit-none-')), 'briefkit.config.yaml');
    const result = await runIn(makeProject(), ['build', '--config', missing]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${missing}  error FILE_NOT_FOUND`);
  });
});
