/**
 * The end-to-end tests that need an outside tool (LibreOffice, poppler, qpdf), run with a
 * PATH where none of them exists: without CI they skip with a warning; with CI set they
 * fail, so a green CI cannot hide a check that never ran.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NESTED_RUN } from '../support/nested-run.js';

const ROOT = join(import.meta.dirname, '..', '..');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const FILES = [
  'test/render/pptx/libreoffice.test.ts',
  'test/render/pdf/raster.test.ts',
  'test/render/pdf/reproducible.test.ts',
];
const TOOLS = ['soffice', 'pdftotext', 'pdftoppm', 'qpdf'];

/** A PATH with a shell and nothing else: every tool looks missing. */
function bareBin(): string {
  const bin = join(mkdtempSync(join(tmpdir(), 'briefkit-tools-')), 'bin');
  mkdirSync(bin);
  const sh = spawnSync('sh', ['-c', 'command -v sh'], { encoding: 'utf8' }).stdout.trim();
  symlinkSync(sh, join(bin, 'sh'));
  return bin;
}

function runWithoutTools(env: Record<string, string>) {
  const run = spawnSync(process.execPath, [VITEST, 'run', ...FILES], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: bareBin(), HOME: process.env.HOME ?? ROOT, NO_COLOR: '1', [NESTED_RUN]: '1', ...env },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('tests that need an outside tool', () => {
  it('fail under CI when the tool is missing, naming it', () => {
    const run = runWithoutTools({ CI: 'true' });
    expect(run.status, run.output).not.toBe(0);
    for (const tool of TOOLS) expect(run.output).toContain(`${tool} is not installed`);
    expect(run.output).toContain('CI is set');
  }, 120_000);

  it('skip with a warning outside CI', () => {
    const run = runWithoutTools({});
    expect(run.status, run.output).toBe(0);
    for (const tool of ['soffice', 'pdftoppm', 'qpdf']) expect(run.output).toContain(tool);
    expect(run.output).toMatch(/skipped/);
  }, 120_000);
});
