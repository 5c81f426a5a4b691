/**
 * A failure injected at every step of a publish (the hook's InjectedFailure: the operation
 * fails, the process lives on): before the swap, out/ is put back as it was, at once, and the
 * error says so; a failure while undoing says where every entry is and the next start
 * finishes the publish; after the swap, the build is published and what was not cleaned up
 * is returned as a warning.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasUnfinishedPublish, recoverOut } from '../../src/pipeline/journal.js';
import {
  InjectedFailure,
  layoutOf,
  OUT_PREVIOUS,
  OUT_UNCHANGED,
  type PublishHook,
  type PublishStep,
} from '../../src/pipeline/out-layout.js';
import { carryOver, publish, Staging } from '../../src/pipeline/publish.js';

/** Every file under `dir` with its text, briefkit's own entries included (they must be gone). */
function files(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      found[relative(dir, join(entry.parentPath, entry.name))] = readFileSync(
        join(entry.parentPath, entry.name),
        'utf8',
      );
  }
  return found;
}

const outputsOnly = (all: Record<string, string>) =>
  Object.fromEntries(Object.entries(all).filter(([path]) => !path.startsWith('.briefkit-')));

/** out/ as the user's link to a folder (in place), or as briefkit's link, holding a first build. */
async function withFirstBuild(mode: 'in-place' | 'link') {
  const root = mkdtempSync(join(tmpdir(), 'briefkit-steps-'));
  const out = join(root, 'out');
  const volume = join(root, 'volume');
  if (mode === 'in-place') {
    mkdirSync(volume);
    symlinkSync('volume', out);
  }
  const first = await Staging.create(await layoutOf(out));
  for (const [path, text] of Object.entries({
    'manifest.json': 'first',
    'a.txt': 'a1',
    'stale.txt': 'dropped by the second build',
    'sub/b.txt': 'b1',
  }))
    await first.write(path, text);
  await publish(first);
  return { root, out, shown: mode === 'in-place' ? volume : out };
}

async function secondBuild(out: string, hook?: PublishHook) {
  const layout = await layoutOf(out);
  const staging = await Staging.create(layout);
  for (const [path, text] of Object.entries({ 'manifest.json': 'second', 'a.txt': 'a2', 'new.txt': 'n2' }))
    await staging.write(path, text);
  await carryOver(staging, layout.current as string, new Set(['stale.txt']), () => {});
  return publish(staging, hook);
}

const failAt =
  (step: PublishStep, entry?: string): PublishHook =>
  (s, e) => {
    if (s === step && (entry === undefined || e === entry)) throw new InjectedFailure('EACCES');
  };

const IN_PLACE_OLD = ['manifest.json', 'a.txt', 'stale.txt', 'sub'];
const IN_PLACE_NEW = ['manifest.json', 'a.txt', 'new.txt', 'sub'];

describe('an in-place publish with a failure injected at each step', () => {
  it('puts the previous build back at once, and says so', async () => {
    const expected = await withFirstBuild('in-place');
    await secondBuild(expected.out);
    const after = files(expected.shown);
    const steps: [PublishStep, string?][] = [
      ['journal-written'],
      ...IN_PLACE_OLD.map((name): [PublishStep, string] => ['moving-out', name]),
      ['old-moved-out'],
      ...IN_PLACE_NEW.map((name): [PublishStep, string] => ['moving-in', name]),
      ['new-moved-in'],
    ];
    for (const [step, entry] of steps) {
      const what = `${step} ${entry ?? ''}`;
      const { out, shown, root } = await withFirstBuild('in-place');
      const before = files(shown);
      const failed = await secondBuild(out, failAt(step, entry)).catch((e: unknown) => e);
      expect(failed, what).toMatchObject({ name: 'PublishError', outState: OUT_PREVIOUS });
      expect((failed as Error).message, what).toContain('EACCES');
      expect(files(shown), what).toEqual(before);
      expect(existsSync(join(root, '.briefkit', 'out', 'publish.json')), what).toBe(false);
      await secondBuild(out);
      expect(files(shown), what).toEqual(after);
    }
  });

  it('when putting it back fails too, says where each entry is, and the next start finishes', async () => {
    const expected = await withFirstBuild('in-place');
    await secondBuild(expected.out);
    const after = files(expected.shown);
    for (const back of ['manifest.json', 'a.txt', 'stale.txt']) {
      const { out, shown } = await withFirstBuild('in-place');
      let moving = false;
      const hook: PublishHook = (step, entry) => {
        if (step === 'moving-in' && entry === 'new.txt') throw new InjectedFailure('EACCES');
        if (step === 'moving-back') moving = true;
        if (step === 'moving-back' && entry === back) throw new InjectedFailure('EPERM');
      };
      const failed = (await secondBuild(out, hook).catch((e: unknown) => e)) as { outState: string };
      expect(moving).toBe(true);
      expect(failed.outState, back).toMatch(/^out\/ holds parts of two builds\./);
      expect(failed.outState, back).toContain('the next build finishes this publish');
      expect(await hasUnfinishedPublish(out)).toBe(true);
      await recoverOut(await layoutOf(out));
      expect(files(shown), back).toEqual(after);
      expect(await hasUnfinishedPublish(out)).toBe(false);
    }
  });

  it('when the process dies while putting it back, the next start finishes the publish', async () => {
    const expected = await withFirstBuild('in-place');
    await secondBuild(expected.out);
    const after = files(expected.shown);
    for (const back of ['new.txt', 'a.txt', 'manifest.json']) {
      const { out, shown } = await withFirstBuild('in-place');
      const hook: PublishHook = (step, entry) => {
        if (step === 'moving-in' && entry === 'manifest.json') throw new InjectedFailure('ENOSPC');
        if (step === 'moving-back' && entry === back) throw new Error('killed');
      };
      await expect(secondBuild(out, hook)).rejects.toThrow('killed');
      await recoverOut(await layoutOf(out));
      expect(files(shown), back).toEqual(after);
    }
  });

  it('after the moves, a leftover that cannot be removed is a warning; out/ holds the new build', async () => {
    const expected = await withFirstBuild('in-place');
    await secondBuild(expected.out);
    const after = files(expected.shown);
    for (const leftover of ['.briefkit-old-', '.briefkit-staging-', 'publish.json']) {
      const { out, shown } = await withFirstBuild('in-place');
      const hook: PublishHook = (step, entry) => {
        const name = entry?.split('/').pop() ?? '';
        if (step === 'cleaning' && name.startsWith(leftover)) throw new InjectedFailure('EBUSY');
      };
      const problems = await secondBuild(out, hook);
      expect(problems.join('\n'), leftover).toContain(leftover);
      expect(outputsOnly(files(shown)), leftover).toEqual(after);
      // The fast path must not answer over it; the next start removes it.
      expect(await hasUnfinishedPublish(out), leftover).toBe(true);
      expect((await recoverOut(await layoutOf(out))).warnings).toEqual([]);
      expect(files(shown), leftover).toEqual(after);
      expect(await hasUnfinishedPublish(out)).toBe(false);
    }
  });
});

describe('a linked publish with a failure injected before the swap', () => {
  it('leaves out/ as it was, plain folder or link, and nothing behind', async () => {
    for (const legacy of [false, true]) {
      for (const step of ['sealed', 'journal-written', ...(legacy ? ['legacy-moved'] : []), 'link-made']) {
        const what = `${step} legacy=${legacy}`;
        const { out, root } = await withFirstBuild('link');
        if (legacy) {
          // An older briefkit's plain out/ folder, with the same files.
          const before = files(out);
          const { rmSync, writeFileSync } = await import('node:fs');
          rmSync(out);
          for (const [path, text] of Object.entries(before)) {
            mkdirSync(join(out, path, '..'), { recursive: true });
            writeFileSync(join(out, path), text);
          }
        }
        const before = files(out);
        const wasLink = lstatSync(out).isSymbolicLink();
        const generations = readdirSync(join(root, '.briefkit', 'out', 'generations')).sort();
        const failed = await secondBuild(out, failAt(step as PublishStep)).catch((e: unknown) => e);
        expect(failed, what).toMatchObject({ name: 'PublishError', outState: OUT_UNCHANGED });
        expect(files(out), what).toEqual(before);
        expect(lstatSync(out).isSymbolicLink(), what).toBe(wasLink);
        expect(readdirSync(join(root, '.briefkit', 'out', 'generations')).sort(), what).toEqual(generations);
        expect(
          readdirSync(root).filter((e) => e.includes('briefkit-next')),
          what,
        ).toEqual([]);
      }
    }
  });

  it('after the swap, a journal or old build folder that cannot be removed is a warning', async () => {
    const { out } = await withFirstBuild('link');
    await secondBuild(out);
    const hook: PublishHook = (step, entry) => {
      if (step === 'cleaning' && entry) throw new InjectedFailure('EPERM');
    };
    const problems = await secondBuild(out, hook);
    expect(problems.some((p) => p.includes('publish.json could not be removed'))).toBe(true);
    expect(problems.some((p) => p.startsWith('the old build folder'))).toBe(true);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('second');
  });
});
