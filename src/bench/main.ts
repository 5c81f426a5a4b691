/**
 * `npm run bench`: whole-process timings of the build, medians of several runs.
 * Scenarios: cold full build, no-op rebuild, one-figure-changed rebuild, a scaling series
 * of generated one-pager variants with 1 and 2 jobs, and (BENCH_LONG=1) the long-data
 * builds: the full default build over 5,000 investments and over 500 sectors; and `validate`
 * of 500 citations over 50 stored sources (the provenance check). Prints a
 * table with each build's exit code, writes JSON.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { provenanceProject } from './provenance-dataset.js';
import { generateInvestmentDataset, generateVariantDataset, scalingConfig } from './variants.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '1,10,100,300').split(',').map(Number);

interface Sample {
  wallMs: number;
  cpuMs: number;
  peakMb: number;
  exitCode: number;
}

interface Row {
  scenario: string;
  jobs: number;
  documents: number;
  wallMs: number;
  cpuMs: number;
  peakMb: number;
  /** The worst exit code of the runs: a failed build is not a fast one. */
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
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as {
    userCPUTime: number;
    systemCPUTime: number;
    maxRSS: number;
  };
  return {
    wallMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    peakMb: usage.maxRSS / 1024,
    exitCode: child.status ?? -1,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function summarise(scenario: string, jobs: number, documents: number, samples: Sample[]): Row {
  return {
    scenario,
    jobs,
    documents,
    wallMs: Math.round(median(samples.map((s) => s.wallMs))),
    cpuMs: Math.round(median(samples.map((s) => s.cpuMs))),
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
  rows.push(summarise('validate: 500 citations, 50 sources', 1, 0, samples));
  rmSync(dir, { recursive: true, force: true });
}

function defaultBuildScenarios(rows: Row[]): void {
  const documents = 0;
  for (const jobs of [1, 2]) {
    const cold: Sample[] = [];
    const noop: Sample[] = [];
    const changed: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dir = makeProject();
      cold.push(runBuild(dir, ['--jobs', String(jobs)]));
      noop.push(runBuild(dir, ['--jobs', String(jobs)]));
      changeOneFigure(dir, i);
      changed.push(runBuild(dir, ['--jobs', String(jobs)]));
      rmSync(dir, { recursive: true, force: true });
    }
    rows.push(summarise('cold full default build', jobs, documents, cold));
    rows.push(summarise('no-op rebuild', jobs, documents, noop));
    rows.push(summarise('one figure changed', jobs, documents, changed));
  }
}

function scalingScenarios(rows: Row[]): void {
  for (const size of SIZES) {
    for (const jobs of [1, 2]) {
      const samples: Sample[] = [];
      const runs = size >= 100 ? 1 : RUNS;
      for (let i = 0; i < runs; i++) {
        const dir = makeProject();
        mkdirSync(join(dir, 'data'), { recursive: true });
        writeFileSync(join(dir, 'data', 'variants.yaml'), generateVariantDataset(shippedDataset(), size));
        writeFileSync(join(dir, 'bench.config.yaml'), scalingConfig());
        samples.push(runBuild(dir, ['--config', 'bench.config.yaml', '--jobs', String(jobs)]));
        rmSync(dir, { recursive: true, force: true });
      }
      rows.push(summarise(`${size} one-pagers`, jobs, size, samples));
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
    rows.push(summarise(scenario, 2, documents, [runBuild(dir, ['--jobs', '2'])]));
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(rows: Row[]): void {
  const header = ['scenario', 'jobs', 'wall ms', 'cpu ms', 'peak MB', 'exit'];
  const lines = rows.map((r) => [
    r.scenario,
    String(r.jobs),
    String(r.wallMs),
    String(r.cpuMs),
    String(r.peakMb),
    String(r.exitCode),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  process.stdout.write(`${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const line of lines) process.stdout.write(`${format(line)}\n`);
}

const rows: Row[] = [];
if (!process.env.BENCH_SKIP_DEFAULT) defaultBuildScenarios(rows);
if (!process.env.BENCH_SKIP_SCALING) scalingScenarios(rows);
if (process.env.BENCH_LONG) longDataScenarios(rows);
if (!process.env.BENCH_SKIP_PROVENANCE) provenanceScenario(rows);
printTable(rows);
// Not in out/: out/ holds one published build and nothing else (README, "Builds that can be trusted").
mkdirSync(join(ROOT, '.briefkit'), { recursive: true });
const jsonFile = join(ROOT, '.briefkit', 'bench.json');
writeFileSync(jsonFile, `${JSON.stringify({ node: process.version, runs: RUNS, rows }, null, 2)}\n`);
process.stdout.write(`\nmedians of ${RUNS} runs (1 run for 100+ documents); written to ${jsonFile}\n`);
