/**
 * .ci/run with a fake PATH: stand-in `apt-get` and `npm` scripts record what they were asked,
 * and the end-to-end tools (soffice, pdftoppm, pdftotext, qpdf, chromium) exist only where a test puts
 * them. With CI set, a failed install or a tool still missing after it fails the run before
 * any test runs, and the install happens when any tool is missing, not only soffice.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '..', '..', '.ci', 'run');
/** What the script itself needs from the system. */
const SYSTEM = ['bash', 'dirname', 'sed', 'sort', 'tr', 'id', 'chmod'];
const ALL_TOOLS = ['soffice', 'pdftoppm', 'pdftotext', 'qpdf', 'chromium'];

function which(name: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error(`the test needs ${name} on this machine`);
  return found;
}

interface Fake {
  /** Tools present before the install. */
  tools: string[];
  /** `apt-get install` exits with this status… */
  installStatus: number;
  /** …and, when it succeeds, provides these tools. */
  installs: string[];
}

function runCi(fake: Fake, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-ci-'));
  const bin = join(dir, 'bin');
  const log = join(dir, 'calls.log');
  mkdirSync(bin);
  for (const name of SYSTEM) symlinkSync(which(name), join(bin, name));
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!${which('bash')}\necho "${name} $*" >> ${log}\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  for (const tool of fake.tools) script(tool, 'exit 0');
  const provide = fake.installs.map((t) => `printf '#!/bin/sh\\n' > ${bin}/${t}; chmod +x ${bin}/${t}`);
  script(
    'apt-get',
    `if [ "$1" = install ]; then\n  [ ${fake.installStatus} = 0 ] || exit ${fake.installStatus}\n  ${provide.join('\n  ') || ':'}\nfi`,
  );
  script('npm', 'exit 0');
  const run = spawnSync(which('bash'), [SCRIPT], {
    encoding: 'utf8',
    env: { PATH: bin, HOME: dir, ...env },
  });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { status: run.status, stderr: run.stderr, calls };
}

const ranTests = (calls: string[]) => calls.includes('npm test');
const installed = (calls: string[]) => calls.find((c) => c.startsWith('apt-get install'));

describe('.ci/run', () => {
  it('fails when the install fails, and runs no test', () => {
    const result = runCi({ tools: [], installStatus: 100, installs: [] }, { CI: 'true' });
    expect(result.status).not.toBe(0);
    expect(installed(result.calls)).toBeDefined();
    expect(ranTests(result.calls)).toBe(false);
  });

  it('with CI set, fails naming the tools still missing after the install', () => {
    const result = runCi({ tools: [], installStatus: 0, installs: ['soffice', 'pdftoppm'] }, { CI: 'true' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('pdftotext');
    expect(result.stderr).toContain('qpdf');
    expect(result.stderr).not.toContain('soffice');
    expect(ranTests(result.calls)).toBe(false);
  });

  it('installs when any tool is missing, not only soffice, then runs the tests', () => {
    const result = runCi(
      { tools: ['soffice', 'pdftoppm', 'pdftotext', 'chromium'], installStatus: 0, installs: ['qpdf'] },
      { CI: 'true' },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(installed(result.calls)).toContain('qpdf');
    expect(installed(result.calls)).not.toContain('libreoffice-impress');
    expect(ranTests(result.calls)).toBe(true);
  });

  it('installs nothing when every tool is there', () => {
    const result = runCi({ tools: ALL_TOOLS, installStatus: 0, installs: [] }, { CI: 'true' });
    expect(result.status, result.stderr).toBe(0);
    expect(installed(result.calls)).toBeUndefined();
    expect(ranTests(result.calls)).toBe(true);
  });

  it('without CI (a developer running it), a missing tool is a warning and the tests run', () => {
    const result = runCi({ tools: [], installStatus: 0, installs: [] }, {});
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('qpdf');
    expect(ranTests(result.calls)).toBe(true);
  });
});
