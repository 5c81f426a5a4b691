/**
 * The README's "How fast" figures, written from one bench run (BENCH_README=1, main.ts): the
 * scenario table and the targets with their verdicts, between two marker comments, with the
 * run's settings and the machine's load at its start and end. Prose about the figures stays
 * outside the markers, written by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { failed, type Row, SCENARIO, type TargetResult } from './targets.js';

export const README_START = '<!-- bench:start (written by BENCH_README=1 npm run bench) -->';
export const README_END = '<!-- bench:end -->';

export interface RunFacts {
  runs: number;
  /** The bench's environment settings (BENCH_*), as they were set. */
  settings: string[];
  loadAtStart: string[];
  loadAtEnd: string[];
  cores: number;
  node: string;
  commit: string;
  /** The peer comparison's line (peers.ts), when it ran or was skipped with a reason. */
  peers?: string;
}

const secondsCell = (ms: number) =>
  Number.isFinite(ms) ? (ms >= 100_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(2)} s`) : '';
const mbCell = (mb: number) => (Number.isFinite(mb) ? `${mb} MB` : '');

/** A row's build as the README names it. */
function buildName(row: Row): string {
  const jobs = row.jobs === 'auto' ? '' : row.jobs === '-' ? '' : `, \`--jobs ${row.jobs}\``;
  const name = row.scenario === SCENARIO.nodeFloor ? '`node -e 0` (the floor of any command)' : row.scenario;
  return `${name}${jobs}`;
}

export function readmeSection(
  rows: readonly Row[],
  targets: readonly TargetResult[],
  facts: RunFacts,
): string {
  const settings = facts.settings.length > 0 ? ` ${facts.settings.join(' ')}` : '';
  const lines = [
    README_START,
    `The last run (\`BENCH_RUNS=${facts.runs}${settings}\`, commit ${facts.commit}, Node ${facts.node},`,
    `${facts.cores} cores; medians of ${facts.runs}, one run for 100+ documents): **load average`,
    `${facts.loadAtStart.join(' / ')} at its start, ${facts.loadAtEnd.join(' / ')} at its end**.`,
    '',
    '| build | wall | CPU | busiest thread | peak memory |',
    '|---|---|---|---|---|',
    ...rows.map((row) =>
      failed(row)
        ? `| ${buildName(row)} | FAILED (exit ${row.exitCode}) | | | |`
        : `| ${buildName(row)} | ${secondsCell(row.wallMs)} | ${secondsCell(row.cpuMs)} | ${secondsCell(row.busiestThreadMs)} | ${mbCell(row.peakMb)} |`,
    ),
    '',
    '| target (issue 18) | figure in this run | verdict |',
    '|---|---|---|',
    ...targets.map((t) => `| ${t.target} | ${t.figure} | ${t.verdict} |`),
    ...(facts.peers ? ['', `${facts.peers.charAt(0).toUpperCase()}${facts.peers.slice(1)}.`] : []),
    README_END,
  ];
  return lines.join('\n');
}

/** Replaces the marked section of the README (the markers must be there: never a guess where). */
export function writeReadmeSection(readmeFile: string, section: string): boolean {
  const text = readFileSync(readmeFile, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) return false;
  writeFileSync(readmeFile, `${text.slice(0, start)}${section}${text.slice(end + README_END.length)}`);
  return true;
}
