/** The bench's verdicts (src/bench/targets.ts): a failed scenario is FAILED, never a figure. */
import { describe, expect, it } from 'vitest';
import { README_END, README_START, readmeSection } from '../../src/bench/readme-table.js';
import { formatRows, judgeTargets, type Row, SCENARIO } from '../../src/bench/targets.js';

const row = (scenario: string, jobs: string, wallMs: number, peakMb = 100, exitCode = 0): Row => ({
  scenario,
  jobs,
  documents: 0,
  wallMs,
  cpuMs: wallMs,
  busiestThreadMs: wallMs,
  peakMb,
  exitCode,
});

const measured: Row[] = [
  { ...row(SCENARIO.nodeFloor, '-', 50), cpuMs: Number.NaN },
  row(SCENARIO.cold, 'auto', 1400),
  row(SCENARIO.cold, '1', 1500),
  row(SCENARIO.noop, 'auto', 60),
  row(SCENARIO.changed, 'auto', 700),
  row(SCENARIO.onePagers(100), '1', 10_000, 200),
  // On a loaded machine: the wall time is mostly waiting, the busiest thread's CPU time is not.
  { ...row(SCENARIO.onePagers(100), '2', 9_000, 250), cpuMs: 11_000, busiestThreadMs: 6_000 },
  row(SCENARIO.onePagers(1000), '2', 55_000, 300),
];

describe('bench targets', () => {
  it('judges every target of issue 18 from the figures of one run', () => {
    const results = judgeTargets(measured);
    expect(results).toHaveLength(8);
    expect(results.map((r) => r.verdict)).toEqual([
      'met',
      'met',
      'not met',
      'met',
      'met',
      'met',
      'met',
      'met',
    ]);
    expect(results[1]?.figure).toBe('60 ms / 50 ms = 1.20×');
    expect(results[2]?.figure).toBe('700 ms / 1400 ms = 0.50× (CPU 0.50×)');
    // The busiest thread's 6 s outweighs 11 s of CPU over 2 cores.
    expect(results[4]?.figure).toBe('on 2 idle cores ≥ 6000 ms / 10000 ms = 0.60× (wall 0.90×, CPU 1.10×)');
    // A fixed limit shows the figure and its ratio to the limit.
    expect(results[0]?.figure).toBe('1.40 s = 0.93× the limit');
    expect(results[6]?.figure).toBe('300 MB = 0.75× the limit');
  });

  it('counts the helper threads: CPU time over the cores bounds a parallel build too', () => {
    const busy = measured.map((r) =>
      r.scenario === SCENARIO.onePagers(100) && r.jobs === '2' ? { ...r, cpuMs: 14_000 } : r,
    );
    expect(judgeTargets(busy)[4]?.verdict).toBe('not met');
  });

  it('judges parallel builds on the wall time when no thread figures were reported', () => {
    const unthreaded = measured.map((r) => ({ ...r, busiestThreadMs: Number.NaN }));
    const parallel = judgeTargets(unthreaded)[4];
    expect(parallel?.verdict).toBe('not met');
    expect(parallel?.figure).toContain('wall 0.90×');
  });

  it('a failed scenario makes its targets FAILED and shows no timings', () => {
    const broken = measured.map((r) => (r.scenario === SCENARIO.onePagers(1000) ? { ...r, exitCode: 1 } : r));
    const verdicts = judgeTargets(broken).map((r) => r.verdict);
    expect(verdicts.slice(5)).toEqual(['FAILED', 'FAILED', 'FAILED']);
    const line = formatRows(broken)
      .split('\n')
      .find((l) => l.startsWith(SCENARIO.onePagers(1000)));
    expect(line).toContain('FAILED');
    expect(line).not.toContain('55000');
  });

  it('writes the README section from the run: every row, every target, the load at both ends', () => {
    const section = readmeSection(measured, judgeTargets(measured), {
      runs: 3,
      settings: ['BENCH_SKIP_PEERS=1'],
      loadAtStart: ['1.00', '2.00', '3.00'],
      loadAtEnd: ['4.00', '5.00', '6.00'],
      cores: 2,
      node: 'v20.0.0',
      commit: 'abc1234',
    });
    expect(section.startsWith(README_START)).toBe(true);
    expect(section.endsWith(README_END)).toBe(true);
    expect(section).toContain('1.00 / 2.00 / 3.00 at its start, 4.00 / 5.00 / 6.00 at its end');
    const tableRows = section
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| build') && !l.startsWith('| target'));
    expect(tableRows).toHaveLength(measured.length + judgeTargets(measured).length);
    const broken = measured.map((r) =>
      r.scenario === SCENARIO.cold && r.jobs === '1' ? { ...r, exitCode: 2 } : r,
    );
    const failedLine = readmeSection(broken, judgeTargets(broken), {
      runs: 1,
      settings: [],
      loadAtStart: [],
      loadAtEnd: [],
      cores: 2,
      node: 'v20',
      commit: 'x',
    })
      .split('\n')
      .find((l) => l.includes('`--jobs 1`') && l.includes(SCENARIO.cold));
    expect(failedLine).toContain('FAILED (exit 2)');
    expect(failedLine).not.toContain('1.50 s');
  });

  it('a scenario left out is "not measured", not met or failed', () => {
    const without = measured.filter((r) => r.scenario !== SCENARIO.onePagers(1000));
    expect(
      judgeTargets(without)
        .slice(5)
        .map((r) => r.verdict),
    ).toEqual(['not measured', 'not measured', 'not measured']);
  });
});
