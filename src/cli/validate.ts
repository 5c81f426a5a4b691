/**
 * `briefkit validate [files…] [--json]`: checks datasets and prints every problem at once. A
 * valid dataset is then checked as the project's config would build it (pipeline/check-outputs.ts):
 * the glyph check of build included, so validate passes only what build accepts as input.
 */
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { loadDatasetFile } from '../dataset/load.js';
import { type ProvenanceSummary, provenanceLine } from '../dataset/provenance/check.js';
import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

/** Files are named as the user gave them (relative to cwd) in every message. */
export async function runValidate(
  files: string[],
  json: boolean,
  io: Io,
  cwd = process.cwd(),
  configFile = 'briefkit.config.yaml',
): Promise<ExitCode> {
  const diagnostics: Diagnostic[] = [];
  const results: {
    file: string;
    valid: boolean;
    diagnostics: Diagnostic[];
    provenance?: ProvenanceSummary;
  }[] = [];
  for (const file of files) {
    const absolute = isAbsolute(file) ? file : join(cwd, file);
    const result = await loadDatasetFile(absolute);
    const own = result.diagnostics;
    if (result.dataset) {
      const { checkDatasetOutputs } = await import('../pipeline/check-outputs.js');
      own.push(...(await checkDatasetOutputs(cwd, configFile, absolute)).diagnostics);
    }
    const shown = own.map((d) =>
      d.file === absolute || d.file === relative(cwd, absolute) ? { ...d, file } : d,
    );
    diagnostics.push(...shown);
    const valid = result.dataset !== undefined && !shown.some((d) => d.severity === 'error');
    const { provenance } = result;
    results.push({ file, valid, diagnostics: shown, ...(provenance ? { provenance } : {}) });
  }
  // Warnings (sources that disagree) are printed, and do not make a dataset invalid.
  const failed = diagnostics.some((d) => d.severity === 'error');
  if (json) {
    io.out(`${JSON.stringify({ valid: !failed, files: results }, null, 2)}\n`);
    return failed ? EXIT.invalidInput : EXIT.ok;
  }
  printDiagnostics(diagnostics, io);
  for (const r of results) {
    if (r.valid) io.out(`✓ ${r.file}: valid\n`);
    // Said for an invalid file too: which quotes were found, and which sources cannot be checked.
    if (r.provenance) io.out(`  ${r.file}: ${provenanceLine(r.provenance)}\n`);
  }
  return failed ? EXIT.invalidInput : EXIT.ok;
}

export function printDiagnostics(diagnostics: Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  if (diagnostics.length > 0) {
    io.err(`\n${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} found.\n`);
  }
}

/**
 * The datasets the config names, or the config's own problems. The datasets are relative
 * to the config file's folder (the project); they are named as the config was given
 * (relative to cwd, or absolute), e.g. `--config ../c.yaml` names `../data/d.yaml`.
 */
export async function datasetsOf(
  cwd: string,
  configFile: string,
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const { loadConfig } = await import('../pipeline/config.js');
  const configPath = resolve(cwd, configFile);
  const config = await loadConfig(configPath);
  const diagnostics = config.diagnostics.map((d) => (d.file === configPath ? { ...d, file: configFile } : d));
  const files = (config.value?.datasets ?? []).map((d) => join(dirname(configFile), d));
  return { files, diagnostics };
}
