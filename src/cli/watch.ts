/**
 * `briefkit build --watch`: builds, then rebuilds whenever an input changes (the cache
 * decides what is affected). A failed build is reported and watching goes on.
 */
import { type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import type { ParsedBuildFlags } from './build.js';
import { runFullBuild } from './build-full.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

const WATCHED = ['data', 'templates'];
const DEBOUNCE_MS = 150;

export async function runWatch(
  flags: ParsedBuildFlags,
  io: Io,
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<ExitCode> {
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      const code = await runFullBuild(flags, io, cwd, env);
      io.err(
        code === EXIT.ok
          ? 'briefkit: watching for changes (Ctrl-C to stop)\n'
          : 'briefkit: build failed; fix the input, watching goes on\n',
      );
    } while (again);
    running = false;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), DEBOUNCE_MS);
  };
  const watchers: FSWatcher[] = [
    ...WATCHED.map((dir) => watch(join(cwd, dir), { recursive: true }, schedule)),
    watch(join(cwd, flags.configFile), schedule),
  ];
  await rebuild();
  await new Promise<void>((resolve) => {
    const stop = () => {
      for (const w of watchers) w.close();
      clearTimeout(timer);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}
