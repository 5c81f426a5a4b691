/**
 * A file the build cannot write (a full disk, a quota, a read-only mount) is a diagnostic that
 * names the file and says what to do, exit 3, and nothing is published. The faults are
 * injected by mocking node:fs/promises for this file's in-process builds (--jobs 1 renders in
 * this thread, so document writes go through the mock too).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runFullBuild } from '../../src/cli/build-full.js';
import { writeFailure } from '../../src/pipeline/write-files.js';
import { buildIn, builtBriefingProject, EPOCH, editDataset, snapshot } from './project.js';

const fault = vi.hoisted(() => ({ match: undefined as RegExp | undefined, code: 'ENOSPC' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  // As Node reports a failed write(2): code and syscall, no path.
  const failure = (syscall: string) =>
    Object.assign(new Error(`${fault.code}: no space left on device, ${syscall}`), {
      code: fault.code,
      syscall,
    });
  const failing =
    <A extends unknown[], R>(name: string, target: (...args: A) => unknown, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (fault.match?.test(String(target(...args)))) throw failure(name);
      return fn(...args);
    };
  const mocked = {
    ...original,
    writeFile: failing('write', (file) => file, original.writeFile),
    copyFile: failing('copyfile', (_from, to) => to, original.copyFile),
    link: failing('link', (_from, to) => to, original.link),
  };
  return { ...mocked, default: mocked };
});

/** The command line's full build with writes to `match` failing with `code`: its exit code and stderr. */
async function cliBuildFailing(
  dir: string,
  match: RegExp,
  code: string,
): Promise<{ code: number; err: string }> {
  const printed: string[] = [];
  const io = { out: () => {}, err: (text: string) => printed.push(text), isTTY: false };
  const flags = { configFile: 'briefkit.config.yaml', force: false, jobs: 1, json: false, emitModel: false };
  fault.match = match;
  fault.code = code;
  const exit = await runFullBuild(flags, io, dir, { SOURCE_DATE_EPOCH: EPOCH }).finally(() => {
    fault.match = undefined;
    fault.code = 'ENOSPC';
  });
  return { code: exit, err: printed.join('') };
}

function stagingLeft(dir: string): string[] {
  const generations = join(dir, '.briefkit', 'out', 'generations');
  return existsSync(generations) ? readdirSync(generations).filter((g) => g.startsWith('staging-')) : [];
}

describe('a file the build cannot write', () => {
  it('is BUILD_WRITE_FAILED naming the file, at every kind of staging write; nothing is published', async () => {
    const dir = builtBriefingProject();
    const before = snapshot(dir);
    let figure = 1012;
    const cases: [string, RegExp][] = [
      ['briefing.pdf', /staging-[^/]+\/briefing\.pdf$/],
      ['charts/program-budgets.png', /staging-[^/]+\/charts\/program-budgets\.png$/],
      ['manifest.json', /staging-[^/]+\/manifest\.json$/],
      // A chart kept from the previous build is carried over by link, else by copy.
      ['charts/sector-ai.svg', /staging-[^/]+\/charts\/sector-ai\.svg$/],
    ];
    for (const [output, match] of cases) {
      editDataset(dir, `amount: ${figure},`, `amount: ${figure + 1},`);
      figure += 1;
      fault.match = match;
      const report = await buildIn(dir).finally(() => {
        fault.match = undefined;
      });
      expect(report.status, output).toBe('failed');
      expect(report.published).toEqual([]);
      expect(report.diagnostics, output).toHaveLength(1);
      expect(report.diagnostics[0], output).toMatchObject({
        code: 'BUILD_WRITE_FAILED',
        severity: 'error',
        message: `out/${output} could not be written: no space left on the device (ENOSPC)`,
        file: expect.stringMatching(
          new RegExp(`^\\.briefkit/out/generations/staging-[^/]+/${output.replace('.', '\\.')}$`),
        ),
        hint: 'the disk that holds this file is full: free some space (a build needs room for a whole new out/ beside the current one) and build again',
      });
      expect(snapshot(dir), output).toEqual(before);
      expect(stagingLeft(dir), output).toEqual([]);
    }
  });

  it('through the command line: the file and what to do, exit 3, "nothing was published"', async () => {
    const dir = builtBriefingProject();
    editDataset(dir, 'amount: 1012,', 'amount: 1013,');
    const before = snapshot(dir);
    const { code, err } = await cliBuildFailing(dir, /staging-[^/]+\/briefing\.pdf$/, 'EDQUOT');
    expect(code).toBe(3);
    expect(err).toMatch(
      /\.briefkit\/out\/generations\/staging-[^/]+\/briefing\.pdf {2}error BUILD_WRITE_FAILED {2}\(briefing\) out\/briefing\.pdf could not be written: the disk quota is used up \(EDQUOT\)/,
    );
    expect(err).toContain('hint: ');
    expect(err).toContain('nothing was published');
    expect(snapshot(dir)).toEqual(before);
  });

  it("the publish's own journal: the message names it, out/ stays as it was", async () => {
    const dir = builtBriefingProject();
    editDataset(dir, 'amount: 1012,', 'amount: 1013,');
    const before = snapshot(dir);
    const { code, err } = await cliBuildFailing(dir, /publish\.json\.\d+$/, 'ENOSPC');
    expect(code).toBe(3);
    expect(err).toMatch(
      /\.briefkit\/out\/publish\.json could not be written: no space left on the device \(ENOSPC\)/,
    );
    expect(snapshot(dir)).toEqual(before);
    // The next build, with room again, publishes.
    expect((await buildIn(dir)).status).toBe('built');
  });

  it('a bug is not passed off as a disk problem', () => {
    expect(writeFailure('f', 'out/f', new TypeError('x is undefined'))).toBeUndefined();
    expect(
      writeFailure('f', 'out/f', Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' })),
    ).toMatchObject({
      code: 'BUILD_WRITE_FAILED',
      message: 'out/f could not be written: the disk reported an input/output error (EIO)',
    });
  });
});
