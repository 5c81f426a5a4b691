/**
 * Per-thread CPU time, for the benchmark only (BRIEFKIT_RUSAGE_FILE, src/bench/main.ts). A
 * process's CPU time adds its threads together; on a shared machine its wall time is mostly
 * waiting. The busiest thread's CPU time is what a build would take on idle cores, so the
 * bench can judge `--jobs 2` against `--jobs 1` from CPU figures that the load hardly moves.
 * Linux only (/proc/thread-self); elsewhere no figure.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The kernel's clock ticks per second for /proc times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** This thread's user + system CPU time in ms, or undefined where /proc has no thread entry. */
export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

const THREAD_SUFFIX = '.thread-';

/**
 * A worker's figure so far, beside the usage file: a worker is terminated at the end of the
 * render step, with no exit handler of its own, so it writes after every task.
 */
export function recordWorkerCpu(usageFile: string, threadId: number): void {
  const ms = threadCpuMs();
  if (ms !== undefined) writeFileSync(`${usageFile}${THREAD_SUFFIX}${threadId}`, String(ms));
}

/** This (main) thread's figure and every worker's recorded one; the workers' files are removed. */
export function collectThreadCpu(usageFile: string): number[] {
  const main = threadCpuMs();
  const prefix = `${basename(usageFile)}${THREAD_SUFFIX}`;
  const workers: number[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dirname(usageFile));
  } catch {
    names = [];
  }
  for (const name of names.filter((n) => n.startsWith(prefix))) {
    const file = join(dirname(usageFile), name);
    const ms = Number(readFileSync(file, 'utf8'));
    if (Number.isFinite(ms)) workers.push(ms);
    rmSync(file, { force: true });
  }
  return main === undefined ? [] : [main, ...workers];
}
