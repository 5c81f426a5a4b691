/**
 * Build feedback: a live one-line display on a terminal, one line per document otherwise,
 * nothing in --json mode (the report is printed at the end instead).
 */

/** Where the display goes: the CLI passes its `Io` (src/cli/io.ts), which the build does not import. */
export interface ProgressOutput {
  err(text: string): void;
}

export interface ProgressReporter {
  plan(total: number, toBuild: number): void;
  step(job: string, step: string): void;
  done(job: string, outcome: 'built' | 'cached' | 'failed', detail?: string): void;
  finish(): void;
}

export const silentProgress: ProgressReporter = { plan() {}, step() {}, done() {}, finish() {} };

export function progressFor(io: ProgressOutput, mode: 'tty' | 'lines' | 'silent'): ProgressReporter {
  if (mode === 'silent') return silentProgress;
  let total = 0;
  let finished = 0;
  const live = mode === 'tty';
  const line = (text: string) => (live ? io.err(`\r\x1b[2K${text}`) : io.err(`${text}\n`));
  return {
    plan(all, toBuild) {
      total = toBuild;
      io.err(`briefkit: ${all} output job${all === 1 ? '' : 's'}, ${toBuild} to build\n`);
    },
    step(job, step) {
      if (live) line(`[${finished}/${total}] ${step} ${job}`);
    },
    done(job, outcome, detail) {
      if (outcome !== 'cached') finished++;
      if (live) {
        if (outcome === 'failed') io.err(`\r\x1b[2K✗ ${job}${detail ? `: ${detail}` : ''}\n`);
        else line(`[${finished}/${total}] ${outcome} ${job}`);
      } else if (outcome !== 'cached') {
        io.err(`${outcome === 'failed' ? '✗' : '✓'} ${job}${detail ? `  ${detail}` : ''}\n`);
      }
    },
    finish() {
      if (live) io.err('\r\x1b[2K');
    },
  };
}
