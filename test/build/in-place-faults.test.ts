/**
 * In-place publish (out/ a mount point or the user's own link): a move that fails, for real
 * (an immutable file) or injected at any step, is undone in the same process, so out/ holds
 * one complete build and the message says which; a kill is completed at the next start, the
 * no-op fast path included.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildIn,
  builtBriefingProject,
  builtProjectInVolume,
  cli,
  EDITED_ONE_PAGER,
  editDataset,
  setImmutable,
  snapshot,
} from './project.js';

// `--only` the edited one-pager: the publish still moves every top-level entry of out/ (the
// unselected outputs are kept in the new build), in the same order, so the move of
// briefing.pdf fails at the same point; only the drawing of the other documents is saved.
const ONLY = EDITED_ONE_PAGER.only.flatMap((id) => ['--only', id]);
const leftoversIn = (volume: string) => readdirSync(volume).filter((e) => e.startsWith('.briefkit-'));
const journalOf = (dir: string) => join(dir, '.briefkit', 'out', 'publish.json');

describe('an in-place publish whose move fails for real', () => {
  it('puts the previous build back, says so, and the next build publishes', () => {
    const { dir, volume } = builtProjectInVolume();
    // A command-line build of the cached copy: the in-place publish that this test cuts short.
    expect(cli(dir, ['build']).status).toBe(0);
    const before = snapshot(dir);
    editDataset(dir, 'amount: 1012,', 'amount: 1013,');
    const stuck = join(volume, 'briefing.pdf');
    if (!setImmutable(stuck, true)) return;
    let run: ReturnType<typeof cli>;
    try {
      run = cli(dir, ['build', ...ONLY]);
    } finally {
      setImmutable(stuck, false);
    }
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toContain('briefing.pdf');
    expect(run.stderr).toContain('out/ holds the previous build, as it was; nothing was published');
    expect(snapshot(dir)).toEqual(before);
    expect(leftoversIn(volume)).toEqual([]);
    expect(existsSync(journalOf(dir))).toBe(false);
    const again = cli(dir, ['build', ...ONLY]);
    expect(again.status, again.stderr).toBe(0);
    expect(snapshot(dir)).not.toEqual(before);
    expect(leftoversIn(volume)).toEqual([]);
  }, 180_000);
});

describe('a kill after the moves of an in-place publish', () => {
  it('is cleaned up by the next build even when nothing changed (the fast path does not answer)', async () => {
    // The briefing-only project, built whole: the killed build is a plain one, so it leaves the
    // last-build pointer of the command-line build below and a manifest of the current inputs in
    // out/; only the journal keeps the fast path from answering, and the next build has
    // nothing to draw (before: the full project, its other documents drawn again after the kill).
    const { dir, volume } = builtProjectInVolume(builtBriefingProject);
    expect(cli(dir, ['build']).status).toBe(0);
    editDataset(dir, 'amount: 1012,', 'amount: 1013,');
    await expect(
      buildIn(dir, {
        publishHook: (step) => {
          if (step === 'new-moved-in') throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(leftoversIn(volume).length).toBeGreaterThan(0);
    const run = cli(dir, ['build']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('everything is up to date; nothing rebuilt');
    expect(leftoversIn(volume)).toEqual([]);
    expect(existsSync(journalOf(dir))).toBe(false);
    // Now it is up to date, and the fast path may say so.
    expect(cli(dir, ['build']).stderr).toContain('everything is up to date; nothing rebuilt');
  }, 180_000);
});
