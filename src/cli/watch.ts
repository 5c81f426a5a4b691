/**
 * `briefkit build --watch`: builds, then rebuilds whenever an input changes (the cache
 * decides what is affected). A failed build is reported and watching goes on.
 *
 * What is watched comes from the config (its datasets, theme, templates and charts folders,
 * and the config file itself), read again whenever the config changes. chokidar watches
 * the project folder, filtered to those paths, rather than each path: a watch on a file or
 * folder ends when it is renamed over (an editor's atomic save), renamed away or deleted
 * (a git checkout), while the project folder stays and sees it come back.
 */
import { dirname, join, resolve, sep } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import { inputPaths, projectOf } from '../pipeline/config-paths.js';
import type { ParsedBuildFlags } from './build-command.js';
import { runFullBuild } from './build-full.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

/** Quiet time after the last change before a rebuild: a save or checkout touches several files. */
const DEBOUNCE_MS = 150;
/**
 * chokidar reports at most one 'change' of a path per 50 ms and drops the others. A rebuild
 * that starts later than that after the last reported change has every dropped one on disk.
 */
const MIN_DEBOUNCE_MS = 60;

export interface WatchOptions {
  /** Quiet time before a rebuild (at least MIN_DEBOUNCE_MS). */
  debounceMs?: number;
  /** One build; the default is the full build of `flags`. */
  build?: () => Promise<ExitCode>;
  /** Stops watching; without one, SIGINT and SIGTERM do. */
  signal?: AbortSignal;
  /** Told the absolute paths each time watching (re)starts on them. */
  onWatching?: (paths: string[]) => void;
}

export async function runWatch(
  flags: ParsedBuildFlags,
  io: Io,
  cwd: string,
  env: Record<string, string | undefined>,
  options: WatchOptions = {},
): Promise<ExitCode> {
  const build = options.build ?? (() => runFullBuild(flags, io, cwd, env));
  const debounceMs = Math.max(options.debounceMs ?? DEBOUNCE_MS, MIN_DEBOUNCE_MS);
  const { projectDir, configPath } = projectOf(resolve(cwd), flags.configFile);
  let paths = await watchedPaths(projectDir, configPath, [configPath]);
  let watcher: FSWatcher | undefined;
  let configChanged = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const onChange = (path: string) => {
    if (stopped) return;
    if (path === configPath) configChanged = true;
    clearTimeout(timer);
    timer = setTimeout(() => void cycle(), debounceMs);
  };
  const rewatch = async () => {
    await watcher?.close();
    watcher = await startWatcher(projectDir, paths, onChange, io);
    options.onWatching?.(paths);
  };

  let current: Promise<void> | undefined;
  let again = false;
  const cycle = (): Promise<void> => {
    if (current) {
      again = true;
      return current;
    }
    current = (async () => {
      do {
        again = false;
        if (configChanged) {
          configChanged = false;
          const next = await watchedPaths(projectDir, configPath, paths);
          // The new watcher is ready before the build starts, so no change made during the build is missed.
          if (!stopped && next.join('\n') !== paths.join('\n')) {
            paths = next;
            await rewatch();
          }
        }
        const code = await build();
        io.err(
          code === EXIT.ok
            ? 'briefkit: watching for changes (Ctrl-C to stop)\n'
            : 'briefkit: build failed; fix the input, watching goes on\n',
        );
      } while (again && !stopped);
    })().finally(() => {
      current = undefined;
    });
    return current;
  };

  await rewatch();
  await cycle();
  await stopSignal(options.signal);
  stopped = true;
  clearTimeout(timer);
  await current;
  await watcher?.close();
  return EXIT.ok;
}

/** The config's inputs and the config itself, absolute; `previous` while the config cannot be read or is invalid. */
async function watchedPaths(projectDir: string, configPath: string, previous: string[]): Promise<string[]> {
  const { loadConfig } = await import('../pipeline/config.js');
  const config = (await loadConfig(configPath)).value;
  if (!config) return previous;
  // The stored sources beside each dataset are inputs too: an edit re-checks the quotes (src/dataset/provenance/).
  const sources = config.datasets.map((d) => join(dirname(d), 'sources'));
  return [configPath, ...[...inputPaths(config), ...sources].map((p) => join(projectDir, p))];
}

/** Watches `projectDir` for changes to `paths` and what is inside them; resolves once ready. */
function startWatcher(
  projectDir: string,
  paths: string[],
  onChange: (path: string) => void,
  io: Io,
): Promise<FSWatcher> {
  // A folder is looked into only when it is, holds or lies inside a watched path.
  const relevant = (p: string) =>
    p === projectDir ||
    paths.some((w) => p === w || p.startsWith(`${w}${sep}`) || w.startsWith(`${p}${sep}`));
  const watcher = watch(projectDir, { ignoreInitial: true, ignored: (p) => !relevant(p) });
  watcher.on('all', (_event, path) => onChange(path));
  watcher.on('error', (cause) => {
    io.err(`briefkit: watching: ${cause instanceof Error ? cause.message : String(cause)}\n`);
  });
  return new Promise((ready) => watcher.once('ready', () => ready(watcher)));
}

/** Resolves when `signal` aborts or, without one, on SIGINT or SIGTERM. */
function stopSignal(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((stop) => {
    if (signal) {
      if (signal.aborted) stop();
      else signal.addEventListener('abort', () => stop(), { once: true });
      return;
    }
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stop();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}
