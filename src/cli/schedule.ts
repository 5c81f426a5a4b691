/**
 * `briefkit schedule "<cron>"`: runs builds on a cron schedule, never two at once,
 * logging each run's outcome. SIGINT/SIGTERM stop it after the running build.
 */
import { Cron } from 'croner';
import type { ParsedBuildFlags } from './build-command.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

export async function runSchedule(
  expression: string,
  flags: ParsedBuildFlags,
  io: Io,
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<ExitCode> {
  let running: Promise<unknown> | undefined;
  let job: Cron;
  try {
    job = new Cron(expression, { protect: true, paused: true }, async () => {
      const started = new Date();
      io.err(`briefkit schedule: build started ${started.toISOString()}\n`);
      const { runFullBuild } = await import('./build-full.js');
      const build = runFullBuild(flags, io, cwd, env);
      running = build;
      const code = await build;
      running = undefined;
      io.err(
        `briefkit schedule: build ended with exit code ${code}; next run ${job.nextRun()?.toISOString() ?? 'none'}\n`,
      );
    });
  } catch (cause) {
    io.err(
      `briefkit: invalid cron expression "${expression}": ${cause instanceof Error ? cause.message : String(cause)}\n`,
    );
    return EXIT.usage;
  }
  const first = job.nextRun();
  if (!first) {
    // croner accepts an expression no date matches ("0 0 31 2 *"): waiting for it would build nothing, ever.
    job.stop();
    io.err(
      `briefkit: cron expression "${expression}" never fires: no date matches it (e.g. 31 February)\n` +
        'Check the day of month against the month; run "briefkit --help" for usage.\n',
    );
    return EXIT.usage;
  }
  job.resume();
  io.err(`briefkit schedule: "${expression}", next run ${first.toISOString()}\n`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      job.stop();
      io.err('briefkit schedule: stopping after the running build\n');
      void Promise.resolve(running).then(() => resolve());
    };
    // `on`, not `once`: the build lock's exit hook (signal-exit, through proper-lockfile)
    // re-raises a signal when it finds itself the only listener left.
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT.ok;
}
