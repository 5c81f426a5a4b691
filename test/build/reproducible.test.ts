/** Reproducible builds and the no-op fast path, through the compiled CLI (sharding: sharded.test.ts). */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtProject, cli, editDataset, makeProject, snapshot, workerThreadsIn } from './project.js';

const read = (dir: string, file: string) => readFileSync(join(dir, 'out', file), 'utf8');

/**
 * The shipped project without its twelve one-pagers: the briefing, its evidence, the deck and
 * the HTML still show every national figure the collation test ties, and each text order comes
 * from the one comparison of src/derive/compare-text.ts; the one-pagers only made it longer.
 */
function projectWithoutOnePagers(): string {
  const dir = makeProject();
  const file = join(dir, 'briefkit.config.yaml');
  const text = readFileSync(file, 'utf8');
  const cut = text.replace(/ {2}# One one-pager per sector[\s\S]*?(?= {2}# The same briefing as one)/, '');
  if (cut === text) throw new Error('the shipped config has no one-pager entry to leave out');
  writeFileSync(file, cut);
  return dir;
}

describe('reproducible builds', () => {
  it('give byte-identical manifests and outputs across time zones and locales', () => {
    // One cold build against the shared baseline, built in-process in one thread in the time
    // zone and locale of the test run: the pair differs in zone, locale, threads and process.
    expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).not.toBe('Asia/Seoul');
    expect(new Intl.DateTimeFormat().resolvedOptions().locale).not.toBe('ko-KR');
    const a = builtProject();
    const b = makeProject();
    // Workers for any amount of work: this small project would otherwise render in one thread.
    const usage = `${b}-usage.json`;
    const runB = cli(b, ['build', '--jobs', '2'], {
      TZ: 'Asia/Seoul',
      LANG: 'ko_KR.UTF-8',
      LC_ALL: 'ko_KR.UTF-8',
      BRIEFKIT_WORKER_MIN_MS: '0',
      BRIEFKIT_RUSAGE_FILE: usage,
    });
    expect(runB.status, runB.stderr).toBe(0);
    expect(workerThreadsIn(usage)).toBe(1);
    expect(read(b, 'manifest.json')).toBe(read(a, 'manifest.json'));
    expect(snapshot(b)).toEqual(snapshot(a));
  });

  it('give byte-identical outputs under two collations (cs_CZ sorts "ch" after "h")', () => {
    const czech = { LANG: 'cs_CZ.UTF-8', LC_ALL: 'cs_CZ.UTF-8' };
    const plain = { LANG: 'C', LC_ALL: 'C' };
    // The test proves something only if Node really collates differently in the two children.
    const collation = (env: Record<string, string>) =>
      spawnSync(
        process.execPath,
        ['-p', 'new Intl.Collator().resolvedOptions().locale + " " + "Chemical".localeCompare("Data")'],
        { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } },
      ).stdout.trim();
    expect(collation(czech)).toBe('cs-CZ 1');
    expect(collation(plain)).toBe('en-US -1');
    // Two figures of the same year and amount: only the text order separates them, in the
    // investment table, the budgets table and the timeline.
    const tied = (id: string, label: string) =>
      [
        `  - id: ${id}`,
        `    label: ${label}`,
        '    year: 2025',
        '    status: planned',
        // No source states this figure: it is marked computed, so the provenance check passes it.
        '    amount: { amount: 1.5, currency: KRW, scale: trillion, qualifier: exact, computed: a tie for this test }',
        `    scope: ${label}`,
        '    cite:',
        '      - source: park-2025',
        '        quote: The government plans to invest 6.8 trillion Korean Won in 2025',
        '  - id: rd-2028-target',
      ].join('\n');
    const dirs = [projectWithoutOnePagers(), projectWithoutOnePagers()];
    for (const dir of dirs) {
      editDataset(dir, '  - id: rd-2028-target', tied('data-centres-2025', 'Data centres'));
      editDataset(dir, '  - id: rd-2028-target', tied('chemical-plants-2025', 'Chemical plants'));
    }
    const [a, b] = dirs as [string, string];
    const runA = cli(a, ['build', '--jobs', '1'], plain);
    const runB = cli(b, ['build', '--jobs', '1'], czech);
    expect(runA.status, runA.stderr).toBe(0);
    expect(runB.status, runB.stderr).toBe(0);
    const svg = read(a, 'charts/program-budgets.svg');
    expect(svg.indexOf('Chemical plants')).toBeGreaterThan(-1);
    expect(svg.indexOf('Chemical plants')).toBeLessThan(svg.indexOf('Data centres'));
    const inA = snapshot(a);
    const inB = snapshot(b);
    expect([...inB.keys()].sort()).toEqual([...inA.keys()].sort());
    const differing = [...inA].filter(([path, bytes]) => inB.get(path) !== bytes).map(([path]) => path);
    expect(differing).toEqual([]);
  });

  it('answers a no-op build from the fast path, rewriting nothing', () => {
    // The shared baseline is built in-process, which writes no last-build pointer: a first
    // command-line build of the copy (everything cached, nothing drawn) writes it, as a
    // command-line build from scratch would.
    const dir = builtProject();
    expect(cli(dir, ['build']).status).toBe(0);
    const before = snapshot(dir);
    const again = cli(dir, ['build']);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('everything is up to date');
    expect(snapshot(dir)).toEqual(before);
  });
});
