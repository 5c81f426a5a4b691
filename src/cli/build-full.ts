/** The full build behind `briefkit build`: runs it, prints diagnostics and maps the outcome to an exit code. */
import { basename, relative } from 'node:path';
import { provenanceLine } from '../dataset/provenance/check.js';
import { type Diagnostic, formatDiagnostic, isInputError } from '../diagnostics.js';
import { projectOf } from '../pipeline/config-paths.js';
import { forgetLastBuild, writeLastBuild } from '../pipeline/last-build.js';
import { LockedError } from '../pipeline/lock.js';
import { OUT_UNCHANGED, PublishError } from '../pipeline/out-layout.js';
import { progressFor } from '../pipeline/progress.js';
import { type BuildReport, build } from '../pipeline/run-build.js';
import type { ParsedBuildFlags } from './build-command.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

/** How a build ended, for a caller that shows it (`briefkit preview`'s page). */
export interface BuildOutcome {
  ok: boolean;
  /** The out/ folder, when the config was valid. */
  outDir?: string;
  diagnostics: Diagnostic[];
  /** A failure that is no diagnostic (the lock held by another build, a publish that failed). */
  message?: string;
}

export async function runFullBuild(
  flags: ParsedBuildFlags,
  io: Io,
  cwd: string,
  env: Record<string, string | undefined>,
  observe: (outcome: BuildOutcome) => void = () => {},
): Promise<ExitCode> {
  const progress = progressFor(io, flags.json ? 'silent' : io.isTTY ? 'tty' : 'lines');
  let report: BuildReport;
  const partial = Boolean(flags.only || flags.shard);
  try {
    if (partial) await forgetLastBuild(projectOf(cwd, flags.configFile).projectDir);
    report = await build({
      cwd,
      configFile: flags.configFile,
      only: flags.only,
      force: flags.force,
      jobs: flags.jobs,
      shard: flags.shard,
      emitModel: flags.emitModel,
      emitProvenance: flags.emitProvenance,
      env,
      progress,
    });
  } catch (cause) {
    const locked = cause instanceof LockedError;
    const message = cause instanceof Error ? cause.message : String(cause);
    // A publish that failed part-way says what out/ holds; any earlier failure changed nothing.
    const out = cause instanceof PublishError ? cause.outState : OUT_UNCHANGED;
    if (flags.json)
      io.out(`${JSON.stringify({ status: locked ? 'locked' : 'failed', error: message, out })}\n`);
    else io.err(`briefkit: build failed: ${message}\n${out}\n`);
    if (!locked && env.BRIEFKIT_DEBUG && cause instanceof Error) io.err(`${cause.stack}\n`);
    observe({ ok: false, diagnostics: [], message: `${message}\n${out}` });
    return EXIT.failure;
  }
  const failed = report.status === 'invalid' || report.status === 'usage' || report.status === 'failed';
  if (!failed && !partial && !flags.emitModel && report.outDir) {
    const { projectDir, configPath } = projectOf(cwd, flags.configFile);
    // The build is published: a pointer that cannot be written only costs the next build its fast path.
    await writeLastBuild(projectDir, basename(configPath), report.outDir).catch((cause: unknown) => {
      const message = `the new build is published, but .briefkit/last-build.json could not be written (${cause instanceof Error ? cause.message : String(cause)})`;
      const hint =
        'nothing is lost: the next build checks every input and output before it answers "up to date"';
      report.diagnostics.push({ code: 'BUILD_AFTER_PUBLISH', severity: 'warning', message, hint });
    });
  }
  observe({
    ok: !failed,
    ...(report.outDir ? { outDir: report.outDir } : {}),
    diagnostics: report.diagnostics,
  });
  if (flags.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const d of report.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
    const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
    if (failed) {
      io.err(
        `\n${errors} problem${errors === 1 ? '' : 's'} found; nothing was published and out/ was left as it was.\n`,
      );
    } else if (report.modelsDir) {
      const where = relative(cwd, report.modelsDir) || '.';
      io.err(`briefkit: ${report.built.length} models written to ${where}/; out/ was not changed\n`);
    } else {
      if (report.provenance) io.err(`briefkit: ${provenanceLine(report.provenance)}\n`);
      io.err(`briefkit: ${report.built.length} built, ${report.cached.length} up to date\n`);
    }
  }
  if (report.status === 'usage') return EXIT.usage;
  if (report.status === 'invalid') return EXIT.invalidInput;
  if (report.status === 'failed')
    return report.diagnostics.some(isInputError) ? EXIT.invalidInput : EXIT.failure;
  return EXIT.ok;
}
