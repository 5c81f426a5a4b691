/**
 * The targets of issue 18, judged from one bench run: each with its figure, its ratio where a
 * machine's speed matters (both sides measured in the same run), and met / not met. A scenario
 * that failed is never a figure: the targets that read it are FAILED, and a scenario that was
 * not run (a size left out of BENCH_SIZES) is "not measured".
 */

export interface Row {
  scenario: string;
  /** `auto` is no --jobs flag: the README's command. */
  jobs: string;
  documents: number;
  wallMs: number;
  cpuMs: number;
  /**
   * The busiest JS thread's CPU time (pipeline/thread-cpu.ts), NaN where not measured: with
   * `cpuMs`, a bound on the build's time on idle cores that a shared machine's load hardly moves.
   */
  busiestThreadMs: number;
  peakMb: number;
  /** The worst exit code of the runs: a failed build is not a fast one. */
  exitCode: number;
}

export type Verdict = 'met' | 'not met' | 'FAILED' | 'not measured';

export interface TargetResult {
  target: string;
  figure: string;
  verdict: Verdict;
}

export const failed = (row: Row) => row.exitCode !== 0;

/** Scenario names shared by main.ts (which measures) and the targets (which read). */
export const SCENARIO = {
  nodeFloor: 'node -e 0 (the floor of any command)',
  cold: 'cold full default build',
  noop: 'no-op rebuild',
  changed: 'one figure changed',
  onePagers: (n: number) => `${n} one-pagers`,
} as const;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const times = (ratio: number) => `${ratio.toFixed(2)}×`;

function find(rows: Row[], scenario: string, jobs: string): Row | undefined {
  return rows.find((r) => r.scenario === scenario && r.jobs === jobs);
}

/** A target over the rows it reads: FAILED if any failed, not measured if any is missing. */
function judge(
  target: string,
  inputs: (Row | undefined)[],
  measure: (rows: Row[]) => { figure: string; met: boolean },
): TargetResult {
  const present = inputs.filter((r): r is Row => r !== undefined);
  if (present.length < inputs.length) return { target, figure: '-', verdict: 'not measured' };
  const broken = present.filter(failed);
  if (broken.length > 0) {
    const names = broken.map((r) => `${r.scenario} (jobs ${r.jobs})`).join(', ');
    return { target, figure: `${names} failed`, verdict: 'FAILED' };
  }
  const { figure, met } = measure(present);
  return { target, figure, verdict: met ? 'met' : 'not met' };
}

const wall = (row: Row) => row.wallMs;

function ratioTarget(
  target: string,
  numerator: Row | undefined,
  denominator: Row | undefined,
  limit: number,
  value: (row: Row) => number = wall,
  unit: (n: number) => string = (ms) => `${Math.round(ms)} ms`,
): TargetResult {
  return judge(target, [numerator, denominator], ([a, b]) => {
    const ratio = value(a as Row) / value(b as Row);
    // On a loaded machine wall time is mostly waiting: the CPU ratio is shown beside it.
    const cpu = (a as Row).cpuMs / (b as Row).cpuMs;
    const alsoCpu = value === wall && Number.isFinite(cpu) ? ` (CPU ${times(cpu)})` : '';
    const figure = `${unit(value(a as Row))} / ${unit(value(b as Row))} = ${times(ratio)}${alsoCpu}`;
    return { figure, met: ratio <= limit };
  });
}

/**
 * What a build would take on idle cores, at least: its busiest thread's CPU time, and its whole
 * CPU time (V8's compiler and GC helper threads included) shared over the cores. On a loaded
 * machine the wall times of both sides are mostly waiting for a core; this hardly moves.
 */
function idleEstimateMs(row: Row, cores: number): number {
  return Math.max(row.busiestThreadMs, row.cpuMs / cores);
}

/** A ratio of parallel builds, judged on idle-core estimates when both have thread figures. */
function threadsTarget(
  target: string,
  numerator: Row | undefined,
  denominator: Row | undefined,
  limit: number,
  cores: number,
): TargetResult {
  return judge(target, [numerator, denominator], ([a, b]) => {
    const [top, bottom] = [a as Row, b as Row];
    // Both ratios of the same run beside the estimate: wall (the load's waiting in it) and CPU.
    const wallRatio = `wall ${times(top.wallMs / bottom.wallMs)}, CPU ${times(top.cpuMs / bottom.cpuMs)}`;
    if (!Number.isFinite(top.busiestThreadMs) || !Number.isFinite(bottom.busiestThreadMs))
      return {
        figure: `${top.wallMs} ms / ${bottom.wallMs} ms = ${wallRatio}`,
        met: top.wallMs / bottom.wallMs <= limit,
      };
    const [x, y] = [idleEstimateMs(top, cores), idleEstimateMs(bottom, cores)];
    const figure = `on ${cores} idle cores ≥ ${Math.round(x)} ms / ${Math.round(y)} ms = ${times(x / y)} (${wallRatio})`;
    return { figure, met: x / y <= limit };
  });
}

/** A figure against a fixed limit: the figure, and its ratio to the limit. */
function limitTarget(
  target: string,
  input: Row | undefined,
  value: (row: Row) => number,
  limit: number,
  unit: (n: number) => string,
): TargetResult {
  return judge(target, [input], ([row]) => {
    const figure = value(row as Row);
    return { figure: `${unit(figure)} = ${times(figure / limit)} the limit`, met: figure <= limit };
  });
}

/** `cores`: the machine's, for the idle-core estimates of parallel builds. */
export function judgeTargets(rows: Row[], cores = 2): TargetResult[] {
  const cold = find(rows, SCENARIO.cold, 'auto');
  const hundred1 = find(rows, SCENARIO.onePagers(100), '1');
  const hundred2 = find(rows, SCENARIO.onePagers(100), '2');
  const thousand2 = find(rows, SCENARIO.onePagers(1000), '2');
  const mb = (n: number) => `${Math.round(n)} MB`;
  return [
    limitTarget('cold full default build ≤ 1.5 s', cold, (row) => row.wallMs, 1500, seconds),
    ratioTarget(
      'no-op rebuild ≤ 1.3× node -e 0',
      find(rows, SCENARIO.noop, 'auto'),
      find(rows, SCENARIO.nodeFloor, '-'),
      1.3,
    ),
    ratioTarget('one figure changed ≤ 0.4× cold', find(rows, SCENARIO.changed, 'auto'), cold, 0.4),
    threadsTarget(
      'cold default build uses both cores when faster: default ≤ 1.0× --jobs 1',
      cold,
      find(rows, SCENARIO.cold, '1'),
      1,
      cores,
    ),
    threadsTarget('100 one-pagers: --jobs 2 ≤ 0.65× --jobs 1', hundred2, hundred1, 0.65, cores),
    ratioTarget(
      'peak at 1,000 one-pagers ≤ 1.3× peak at 100 (--jobs 2)',
      thousand2,
      hundred2,
      1.3,
      (row) => row.peakMb,
      mb,
    ),
    limitTarget('peak at 1,000 one-pagers ≤ 400 MB (--jobs 2)', thousand2, (row) => row.peakMb, 400, mb),
    limitTarget('1,000 one-pagers ≤ 60 s at --jobs 2', thousand2, (row) => row.wallMs, 60_000, seconds),
  ];
}

function table(header: string[], lines: string[][], rightAligned: (column: number) => boolean): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

/** A figure not measured for a scenario (`node -e 0` reports no CPU or peak). */
const shown = (n: number) => (Number.isFinite(n) ? String(n) : '-');

/** The scenario table: a failed scenario shows FAILED and its exit code, never its timings. */
export function formatRows(rows: Row[]): string {
  const lines = rows.map((r) =>
    failed(r)
      ? [r.scenario, r.jobs, 'FAILED', 'FAILED', 'FAILED', 'FAILED', String(r.exitCode)]
      : [
          r.scenario,
          r.jobs,
          String(r.wallMs),
          shown(r.cpuMs),
          shown(r.busiestThreadMs),
          shown(r.peakMb),
          String(r.exitCode),
        ],
  );
  const header = ['scenario', 'jobs', 'wall ms', 'cpu ms', 'busiest thread ms', 'peak MB', 'exit'];
  return table(header, lines, (i) => i > 0);
}

export function formatTargets(results: TargetResult[]): string {
  const lines = results.map((r) => [r.target, r.figure, r.verdict]);
  return table(['target (issue 18)', 'figure', 'verdict'], lines, () => false);
}
