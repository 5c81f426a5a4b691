import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false };
  return { io, out, err, text: () => out.join('') + err.join('') };
}

async function exitOf(argv: string[], env: Record<string, string> = {}) {
  const c = capture();
  const code = await run(argv, c.io, { cwd: process.cwd(), env });
  return { code, text: c.text() };
}

describe('command-line usage', () => {
  it('prints help with examples and exits 0', async () => {
    const { code, text } = await exitOf(['--help']);
    expect(code).toBe(0);
    expect(text).toContain('Examples:');
    expect(text).toContain('briefkit build --only briefing --force');
  });

  it.each([
    [[], 'no command given'],
    [['bulid'], 'unknown command "bulid"'],
    [['build', '--frobnicate'], 'unknown option --frobnicate'],
    [['build', '--jobs', '0'], '--jobs must be a whole number from 1 to 64, got "0"'],
    [['build', '--shard', '4/3'], '--shard must look like 1/4'],
    [['build', '--emit', 'pdf'], '--emit accepts "model" or "provenance"'],
    [['build', 'extra.yaml'], 'build takes no file arguments'],
    [['validate', '--force'], 'validate does not accept --force'],
    [['schedule'], 'schedule takes one cron expression'],
    [['merge-manifests'], 'merge-manifests needs the shard manifests'],
    [['build', '--config', ''], '--config needs a file name, got an empty value'],
    [['build', '--config= '], '--config needs a file name, got an empty value'],
    [['validate', '--config', ''], '--config needs a file name, got an empty value'],
    [['charts', '--config', ''], '--config needs a file name, got an empty value'],
    [['build', '--only', ''], '--only needs a document id, got an empty value'],
    [['build', '--only', 'briefing', '--only', ' '], '--only needs a document id, got an empty value'],
    [['build', '--jobs', ''], '--jobs needs a whole number from 1 to 64, got an empty value'],
    [['build', '--jobs', '0x10'], '--jobs must be a whole number from 1 to 64, got "0x10"'],
    [['build', '--shard', ''], '--shard needs I/N, e.g. 1/4, got an empty value'],
    [['build', '--emit', ''], '--emit needs "model" or "provenance", got an empty value'],
    [
      ['build', '--out', 'dist'],
      'unknown option --out: set the output folder with "out:" in briefkit.config.yaml',
    ],
    [['build', '--froce'], 'unknown option --froce (did you mean --force?)'],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    const { code, text } = await exitOf(argv);
    expect(code).toBe(2);
    expect(text).toContain(message);
    expect(text).toContain('briefkit --help');
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds', async () => {
    const { code, text } = await exitOf(['build'], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(code).toBe(2);
    expect(text).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds');
  });

  it('refuses an invalid cron expression with exit 2', async () => {
    const { code, text } = await exitOf(['schedule', 'every tuesday']);
    expect(code).toBe(2);
    expect(text).toContain('invalid cron expression "every tuesday"');
  });

  it('refuses a cron expression that never fires (31 February) with exit 2', async () => {
    // A valid-looking schedule with no matching date would wait forever and build nothing.
    const { code, text } = await exitOf(['schedule', '0 0 31 2 *']);
    expect(code).toBe(2);
    expect(text).toContain('cron expression "0 0 31 2 *" never fires');
    expect(text).not.toContain('next run never');
  });
});
