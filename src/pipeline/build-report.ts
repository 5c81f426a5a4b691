/** What `briefkit build` is asked (BuildOptions) and what it answers (BuildReport). */
import type { ProvenanceSummary } from '../dataset/provenance/check.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Shard } from './jobs.js';
import type { PublishHook } from './out-layout.js';
import type { ProgressReporter } from './progress.js';

export interface BuildOptions {
  cwd: string;
  configFile: string;
  only?: string[];
  force?: boolean;
  jobs?: number;
  shard?: Shard;
  emitModel?: boolean;
  /** Also publish out/provenance.json (emit-provenance.ts). */
  emitProvenance?: boolean;
  env: Record<string, string | undefined>;
  progress: ProgressReporter;
  /** Test seam: called after each step of the publish (fault injection). */
  publishHook?: PublishHook;
}

/**
 * `usage`: the command line named something the config does not have (exit 2).
 * `failed`: rendering reported an error; nothing was published (exit 1 or 3, by the codes).
 */
export type BuildStatus = 'built' | 'up-to-date' | 'invalid' | 'usage' | 'failed';

export interface BuildReport {
  status: BuildStatus;
  built: string[];
  cached: string[];
  published: string[];
  diagnostics: Diagnostic[];
  /** The out/ folder written (absolute), when the config was valid. */
  outDir?: string;
  /** With `emitModel`: the folder the models were written to (absolute); out/ is not touched. */
  modelsDir?: string;
  /** What the dataset's provenance check found (quotes found, sources not verifiable). */
  provenance?: ProvenanceSummary;
}

export function warning(code: Diagnostic['code'], message: string, hint?: string): Diagnostic {
  return { code, severity: 'warning', message, ...(hint ? { hint } : {}) };
}
