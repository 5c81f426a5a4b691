/** A throw-away copy of the project (data, templates, config) for build tests. */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inject } from 'vitest';
import type { PublishHook } from '../../src/pipeline/out-layout.js';
import { silentProgress } from '../../src/pipeline/progress.js';
import { build } from '../../src/pipeline/run-build.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');
export const EPOCH = '1752537600';
export const DATASET = join('data', 'korea-emerging-tech.yaml');

export function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-build-'));
  for (const entry of ['data', 'templates', 'briefkit.config.yaml'])
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/**
 * A copy of the shipped project as the default build left it (out/ and the build state), built
 * once per test run by test/support/baseline.ts. For tests whose first step is that build.
 */
export function builtProject(): string {
  return copyOfBaseline('baselineProject');
}

/**
 * A copy of `briefingProject()` as its first build left it (the briefing, its charts, the build
 * state), built once per test run by test/support/baseline.ts.
 */
export function builtBriefingProject(): string {
  return copyOfBaseline('briefingBaselineProject');
}

function copyOfBaseline(name: 'baselineProject' | 'briefingBaselineProject'): string {
  const baseline = inject(name);
  if (!baseline) throw new Error(`no ${name}: test/support/baseline.ts built none in this run`);
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-built-'));
  cpSync(baseline, dir, {
    recursive: true,
    preserveTimestamps: true,
    verbatimSymlinks: true,
  });
  return dir;
}

/**
 * `--only` the one-pager that the tests' usual edit changes (the robot-density figure,
 * `amount: 1012,`, is in the robotics sector): one document and its chart, for tests of how a
 * build publishes rather than of what it draws.
 */
export const EDITED_ONE_PAGER = { only: ['sector-robotics'] };

/**
 * Makes the theme's face at `packagePath` (a file under node_modules/) a local face of the
 * project, templates/fonts/`name`, so a test can change the file and not its name. Returns the
 * local file's path.
 */
export function localFace(dir: string, packagePath: string, name: string): string {
  mkdirSync(join(dir, 'templates', 'fonts'), { recursive: true });
  const local = join(dir, 'templates', 'fonts', name);
  copyFileSync(join(ROOT, 'node_modules', packagePath), local);
  const theme = join(dir, 'templates', 'theme.yaml');
  const text = readFileSync(theme, 'utf8');
  const named = text.includes(`"${packagePath}"`) ? `"${packagePath}"` : packagePath;
  const changed = text.replace(named, `./fonts/${name}`);
  if (changed === text) throw new Error(`the theme names no face ${packagePath}`);
  writeFileSync(theme, changed);
  return local;
}

/** A project whose config builds the briefing only, to keep a test short. */
export function briefingProject(): string {
  const dir = makeProject();
  writeFileSync(
    join(dir, 'briefkit.config.yaml'),
    [
      'datasets: [data/korea-emerging-tech.yaml]',
      'documents:',
      '  - { id: briefing, template: briefing.md.hbs, format: pdf, output: briefing.pdf }',
      '',
    ].join('\n'),
  );
  return dir;
}

/** The multi-script dataset (Japanese, Chinese, Hindi, Arabic, Korean) of issue 12. */
export const SCRIPTS_FIXTURE = join(
  ROOT,
  'test',
  'fixtures',
  'datasets',
  'veloria-scripts-test-fixture.yaml',
);

/**
 * A project whose config builds SCRIPTS_FIXTURE (as data/scripts.yaml) instead of the Korea
 * dataset. `briefing` is appended to the briefing template, `deckSlides` (slides, each ending in
 * `---`) go before the deck's sources slide: what a test needs drawn that the shipped templates
 * do not draw.
 */
export function scriptsProject(additions: { briefing?: string; deckSlides?: string } = {}): string {
  const dir = makeProject();
  copyFileSync(SCRIPTS_FIXTURE, join(dir, 'data', 'scripts.yaml'));
  const config = join(dir, 'briefkit.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(DATASET, 'data/scripts.yaml'));
  const briefing = join(dir, 'templates', 'briefing.md.hbs');
  if (additions.briefing !== undefined)
    writeFileSync(briefing, `${readFileSync(briefing, 'utf8')}${additions.briefing}`);
  const deck = join(dir, 'templates', 'deck.md.hbs');
  const sources = '<!-- layout: sources -->';
  if (additions.deckSlides !== undefined) {
    const text = readFileSync(deck, 'utf8');
    if (!text.includes(sources)) throw new Error('the deck template has no sources slide');
    writeFileSync(deck, text.replace(sources, `${additions.deckSlides}${sources}`));
  }
  return dir;
}

export function buildIn(
  dir: string,
  options: { only?: string[]; force?: boolean; jobs?: number; publishHook?: PublishHook } = {},
) {
  return build({
    cwd: dir,
    configFile: 'briefkit.config.yaml',
    env: { SOURCE_DATE_EPOCH: EPOCH },
    progress: silentProgress,
    jobs: options.jobs ?? 1,
    ...options,
  });
}

export function cli(dir: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: EPOCH, ...env },
  });
}

/** Every file under out/ with its bytes, for before/after comparisons. */
export function snapshot(dir: string): Map<string, string> {
  const out = join(dir, 'out');
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(out, p), readFileSync(p).toString('base64'));
    }
  };
  walk(out);
  return files;
}

/** An edit of a figure: `amount: 1012,` to `amount: 1013,`. */
const FIGURE_EDIT = /^amount: (\d+(?:\.\d+)?),$/;

/**
 * Edits the project's dataset. A changed figure (`amount: 1012,` → `amount: 1013,`) is restated
 * in its quotes and in the project's copy of the stored sources too ("1,012" → "1,013"), as a
 * corrected source would have it: the build checks every figure against its quote and every
 * quote against its source (src/dataset/provenance/), and a test that only wants a rebuild
 * must not trip that check.
 */
export function editDataset(dir: string, from: string | RegExp, to: string): void {
  const file = join(dir, DATASET);
  const text = readFileSync(file, 'utf8');
  const matched = typeof from === 'string' ? from : from.exec(text)?.[0];
  let next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply: ${String(from)}`);
  const before = FIGURE_EDIT.exec(matched ?? '')?.[1];
  const after = FIGURE_EDIT.exec(to)?.[1];
  if (before !== undefined && after !== undefined) {
    const written = (figure: string) => Number(figure).toLocaleString('en-US', { maximumFractionDigits: 6 });
    const old = new RegExp(`(?<![\\d.,])${written(before).replace(/[.,]/g, '\\$&')}(?![\\d]|[.,]\\d)`, 'g');
    const restate = (content: string) => content.replace(old, written(after));
    next = restate(next);
    const sources = join(dir, 'data', 'sources');
    for (const name of readdirSync(sources)) {
      const path = join(sources, name);
      writeFileSync(path, restate(readFileSync(path, 'utf8')));
    }
  }
  writeFileSync(file, next);
}

/**
 * Makes out/ the user's own link to a folder (a shared volume, say): briefkit then publishes
 * in place inside that folder, the mode it uses for a mount point. Returns the folder.
 */
export function linkOutToVolume(dir: string): string {
  const volume = join(dir, 'volume');
  mkdirSync(volume);
  symlinkSync('volume', join(dir, 'out'));
  return volume;
}

/**
 * `builtProject()` (or `builtBriefingProject()`, as `copy`) with out/ made the user's own link
 * to a folder (`linkOutToVolume`) that holds the baseline's files, manifest included, as a build
 * into that volume would have left them: an in-place project whose next build is cached, for
 * tests of how an in-place publish fails.
 */
export function builtProjectInVolume(copy: () => string = builtProject): { dir: string; volume: string } {
  const dir = copy();
  const out = join(dir, 'out');
  const published = realpathSync(out);
  rmSync(out);
  const volume = linkOutToVolume(dir);
  cpSync(published, volume, { recursive: true });
  return { dir, volume };
}

/**
 * Sets or clears the immutable flag (chattr, root on ext4 and most Linux file systems): an
 * immutable file cannot be renamed, linked or removed, even by root, the nearest a test gets to
 * an EACCES or EPERM in the middle of a publish. False where chattr is not available; in CI
 * (root on ext4) that fails the calling test instead.
 */
export function setImmutable(path: string, on: boolean): boolean {
  const done = spawnSync('chattr', [on ? '+i' : '-i', path]).status === 0;
  if (!done && on && process.env.CI) throw new Error(`CI: chattr +i ${path} failed`);
  return done;
}

/**
 * How many worker threads rendered at least one task in the build that wrote `usageFile`
 * (BRIEFKIT_RUSAGE_FILE, src/pipeline/thread-cpu.ts: the main thread's CPU time, then one
 * figure per worker that ran a task), so `--jobs 2` is shown to have used a worker.
 */
export function workerThreadsIn(usageFile: string): number {
  const { threadCpuMs } = JSON.parse(readFileSync(usageFile, 'utf8')) as { threadCpuMs: number[] };
  if (threadCpuMs.length === 0)
    throw new Error(`${usageFile}: no CPU figure for the main thread (/proc/thread-self)`);
  return threadCpuMs.length - 1;
}

/** Where the shipped config says `text`: its 1-based line and the path of the document entry it is in
 * (documents[i]…), read from the file so that adding an entry to the config moves no test. */
export function shippedEntry(text: string, key = 'output'): { line: number; path: string } {
  const lines = readFileSync(join(ROOT, 'briefkit.config.yaml'), 'utf8').split('\n');
  const at = lines.findIndex((line) => line.trim() === text);
  if (at < 0) throw new Error(`briefkit.config.yaml has no line "${text}"`);
  const entries = lines.slice(0, at).filter((line) => /^ {2}- id:/.test(line)).length;
  return { line: at + 1, path: `documents[${entries - 1}].${key}` };
}

/** The project's briefing without its companion evidence file, lines kept in place: a test that
 * moves the briefing's output elsewhere would otherwise also meet the companion it no longer finds. */
export function briefingWithoutCompanion(dir: string): void {
  const file = join(dir, 'briefkit.config.yaml');
  const config = readFileSync(file, 'utf8');
  const edited = config.replace(
    / {4}params:\n {6}evidence: [^\n]*\n/,
    '    # no params\n    # no companion\n',
  );
  if (edited === config) throw new Error('the config has no briefing params with evidence');
  writeFileSync(file, edited);
}
