/**
 * `npm run bench`: whole-process timings of the build, medians of several runs.
 * Scenarios: cold full build, no-op rebuild, one-figure-changed rebuild, a scaling series
 * of generated one-pager variants with 1 and 2 jobs, and (BENCH_LONG=1) the long-data
 * builds: the full default build over 5,000 investments and over 500 sectors; and `validate`
 * of 500 citations over 50 stored sources (the provenance check). Prints a table with each
 * build's exit code (a failed scenario shows FAILED, never a figure), then every target of
 * issue 18 with its figure, its ratio within this run and met / not met (targets.ts), then the
 * optional comparison with Marp + Chromium when those are installed (peers.ts). Writes JSON.
 *
 * BENCH_RUNS (3): runs per scenario under 100 documents. BENCH_SIZES (100,1000): one-pager
 * counts; one job is measured up to BENCH_ONE_JOB_MAX (100), two at every size.
 * BENCH_SKIP_DEFAULT, BENCH_SKIP_SCALING, BENCH_SKIP_PROVENANCE, BENCH_SKIP_PEERS leave a part
 * out (its targets then read "not measured"); BENCH_LONG=1 adds the long-data builds.
 * BENCH_README=1 writes the run's tables into README.md's "How fast" (readme-table.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { comparePeers } from './peers.js';
import { provenanceProject } from './provenance-dataset.js';
import { readmeSection, writeReadmeSection } from './readme-table.js';
import { formatRows, formatTargets, judgeTargets, type Row, SCENARIO } from './targets.js';
import { generateInvestmentDataset, generateVariantDataset, scalingConfig } from './variants.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number);
/** One job is measured up to this many one-pagers (the --jobs 2 / --jobs 1 target is at 100). */
const ONE_JOB_MAX = Number(process.env.BENCH_ONE_JOB_MAX ?? 100);

interface Sample {
  wallMs: number;
  cpuMs: number;
  /** NaN where the build reported no per-thread figures. */
  busiestThreadMs: number;
  peakMb: number;
  exitCode: number;
}

function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-bench-'));
  for (const entry of ['data', 'templates', 'briefkit.config.yaml'])
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  // Fonts are resolved from node_modules beside the project.
  spawnSync('ln', ['-s', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  return dir;
}

function runBuild(cwd: string, args: string[], command = 'build'): Sample {
  const usageFile = join(cwd, '.rusage.json');
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [CLI, command, ...args], {
    cwd,
    env: { ...process.env, BRIEFKIT_RUSAGE_FILE: usageFile, SOURCE_DATE_EPOCH: '1752537600' },
    encoding: 'utf8',
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) {
    // The diagnostics, not one progress line per output.
    const problems = child.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('✓'));
    process.stderr.write(`bench: ${command} failed in ${cwd}:\n${problems.join('\n')}\n`);
  }
  let usage: { userCPUTime: number; systemCPUTime: number; maxRSS: number; threadCpuMs?: number[] };
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8')) as typeof usage;
  } catch {
    // The process died before its exit handler: no figures, and a failure whatever its status.
    return {
      wallMs,
      cpuMs: Number.NaN,
      busiestThreadMs: Number.NaN,
      peakMb: Number.NaN,
      exitCode: child.status || -1,
    };
  }
  const threads = usage.threadCpuMs ?? [];
  return {
    wallMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    busiestThreadMs: threads.length > 0 ? Math.max(...threads) : Number.NaN,
    peakMb: usage.maxRSS / 1024,
    exitCode: child.status ?? -1,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function summarise(scenario: string, jobs: string, documents: number, samples: Sample[]): Row {
  return {
    scenario,
    jobs,
    documents,
    wallMs: Math.round(median(samples.map((s) => s.wallMs))),
    cpuMs: Math.round(median(samples.map((s) => s.cpuMs))),
    busiestThreadMs: Math.round(median(samples.map((s) => s.busiestThreadMs))),
    peakMb: Math.round(Math.max(...samples.map((s) => s.peakMb))),
    exitCode: Math.max(...samples.map((s) => s.exitCode)),
  };
}

/** The first dataset of the shipped config: the variants copy it. */
function shippedDataset(): string {
  const config = parse(readFileSync(join(ROOT, 'briefkit.config.yaml'), 'utf8')) as { datasets: string[] };
  return join(ROOT, config.datasets[0] ?? '');
}

/**
 * Changes one figure of one sector's indicator: only what depends on it should rebuild. The
 * figure is restated in its quote and in the stored source too, as a corrected source would
 * have it: validation checks the figure against the quote and the quote against the source.
 */
function changeOneFigure(dir: string, round: number): void {
  const file = join(dir, relative(ROOT, shippedDataset()));
  const text = readFileSync(file, 'utf8');
  const old = /amount: (\d+), unit: percent/.exec(text)?.[1] ?? '';
  const next = String(21 + round);
  const restate = (content: string) => content.replaceAll(`over ${old}%`, `over ${next}%`);
  writeFileSync(
    file,
    restate(text.replace(`amount: ${old}, unit: percent`, `amount: ${next}, unit: percent`)),
  );
  const sources = join(dirname(file), 'sources');
  for (const name of readdirSync(sources)) {
    writeFileSync(join(sources, name), restate(readFileSync(join(sources, name), 'utf8')));
  }
}

/** `validate` over a generated dataset of 500 citations over 50 stored sources (provenance-dataset.ts). */
function provenanceScenario(rows: Row[]): void {
  const samples: Sample[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-bench-provenance-'));
  const project = provenanceProject(50, 500);
  mkdirSync(join(dir, 'sources'));
  for (const [name, text] of project.sources) writeFileSync(join(dir, 'sources', name), text);
  writeFileSync(join(dir, 'data.yaml'), project.dataset);
  for (let i = 0; i < RUNS; i++) samples.push(runBuild(dir, ['data.yaml'], 'validate'));
  rows.push(summarise('validate: 500 citations, 50 sources', '-', 0, samples));
  rmSync(dir, { recursive: true, force: true });
}

/** `node -e 0`: the floor of any command, the measure of the no-op rebuild. */
function nodeFloorScenario(rows: Row[]): void {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['-e', '0']);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    samples.push({
      wallMs,
      cpuMs: Number.NaN,
      busiestThreadMs: Number.NaN,
      peakMb: Number.NaN,
      exitCode: child.status ?? -1,
    });
  }
  rows.push(summarise(SCENARIO.nodeFloor, '-', 0, samples));
}

/** `auto` is the README's command (no --jobs); `1` shows what the second core adds. */
function defaultBuildScenarios(rows: Row[]): void {
  const documents = 0;
  for (const jobs of ['auto', '1']) {
    const flags = jobs === 'auto' ? [] : ['--jobs', jobs];
    const cold: Sample[] = [];
    const noop: Sample[] = [];
    const changed: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dir = makeProject();
      cold.push(runBuild(dir, flags));
      noop.push(runBuild(dir, flags));
      changeOneFigure(dir, i);
      changed.push(runBuild(dir, flags));
      rmSync(dir, { recursive: true, force: true });
    }
    rows.push(summarise(SCENARIO.cold, jobs, documents, cold));
    rows.push(summarise(SCENARIO.noop, jobs, documents, noop));
    rows.push(summarise(SCENARIO.changed, jobs, documents, changed));
  }
}

/**
 * The one-pager's own chart only (templates/sector.md.hbs places `sector-<id>`): the charts over
 * every sector (sector-summary) outgrow their pixel budget past about 60 sectors (CHART_BUDGET),
 * a limit of those charts, not of how one-pagers scale; with them every size from 100 fails.
 */
function onePagerChartsOnly(dir: string): void {
  const charts = join(dir, 'templates', 'charts');
  for (const name of readdirSync(charts)) if (name !== 'sector.vl.json') rmSync(join(charts, name));
}

function scalingScenarios(rows: Row[]): void {
  for (const size of SIZES) {
    for (const jobs of size <= ONE_JOB_MAX ? [1, 2] : [2]) {
      const samples: Sample[] = [];
      const runs = size >= 100 ? 1 : RUNS;
      for (let i = 0; i < runs; i++) {
        const dir = makeProject();
        onePagerChartsOnly(dir);
        mkdirSync(join(dir, 'data'), { recursive: true });
        writeFileSync(join(dir, 'data', 'variants.yaml'), generateVariantDataset(shippedDataset(), size));
        writeFileSync(join(dir, 'bench.config.yaml'), scalingConfig());
        samples.push(runBuild(dir, ['--config', 'bench.config.yaml', '--jobs', String(jobs)]));
        rmSync(dir, { recursive: true, force: true });
      }
      rows.push(summarise(SCENARIO.onePagers(size), String(jobs), size, samples));
    }
  }
}

/** The default config over a generated dataset: long tables, many sectors (one run each). */
function longDataScenarios(rows: Row[]): void {
  const datasets: [string, number, (file: string) => string][] = [
    ['5,000 investments, default build', 3, (file) => generateInvestmentDataset(file, 5000)],
    ['500 sectors, default build', 502, (file) => generateVariantDataset(file, 500)],
  ];
  for (const [scenario, documents, generate] of datasets) {
    const dir = makeProject();
    writeFileSync(join(dir, relative(ROOT, shippedDataset())), generate(shippedDataset()));
    rows.push(summarise(scenario, '2', documents, [runBuild(dir, ['--jobs', '2'])]));
    rmSync(dir, { recursive: true, force: true });
  }
}

const loadAtStart = loadavg().map((n) => n.toFixed(2));
const rows: Row[] = [];
nodeFloorScenario(rows);
if (!process.env.BENCH_SKIP_DEFAULT) defaultBuildScenarios(rows);
if (!process.env.BENCH_SKIP_SCALING) scalingScenarios(rows);
if (process.env.BENCH_LONG) longDataScenarios(rows);
if (!process.env.BENCH_SKIP_PROVENANCE) provenanceScenario(rows);
const targets = judgeTargets(rows, availableParallelism());
const peers = process.env.BENCH_SKIP_PEERS ? undefined : await comparePeers(ROOT, CLI, RUNS, makeProject);
process.stdout.write(`${formatRows(rows)}\n\n${formatTargets(targets)}\n\n`);
if (peers) process.stdout.write(`${peers.message}\n`);
// Not in out/: out/ holds one published build and nothing else (README, "Builds that can be trusted").
mkdirSync(join(ROOT, '.briefkit'), { recursive: true });
const jsonFile = join(ROOT, '.briefkit', 'bench.json');
const load = loadavg().map((n) => n.toFixed(2));
writeFileSync(
  jsonFile,
  `${JSON.stringify({ node: process.version, runs: RUNS, loadAverage: load, rows, targets, peers }, null, 2)}\n`,
);
process.stdout.write(
  `\nmedians of ${RUNS} runs (1 run for 100+ documents), load average ${loadAtStart.join(' ')} at the start, ${load.join(' ')} at the end; written to ${jsonFile}\n`,
);
if (process.env.BENCH_README) {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const settings = Object.entries(process.env)
    .filter(([name]) => name.startsWith('BENCH_') && name !== 'BENCH_RUNS' && name !== 'BENCH_README')
    .map(([name, value]) => `${name}=${value}`)
    .sort();
  const section = readmeSection(rows, targets, {
    runs: RUNS,
    settings,
    loadAtStart,
    loadAtEnd: load,
    cores: availableParallelism(),
    node: process.version,
    commit: commit.stdout.trim() || 'unknown',
    ...(peers ? { peers: peers.message } : {}),
  });
  const readme = join(ROOT, 'README.md');
  const written = writeReadmeSection(readme, section);
  process.stdout.write(
    written ? `README.md's "How fast" table rewritten\n` : 'README.md has no bench markers: not written\n',
  );
}
