/** `briefkit validate [files…] [--json]`: checks datasets and prints every problem at once. */
import { join } from 'node:path';
import { loadDatasetFile } from '../dataset/load.js';
import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

export async function runValidate(files: string[], json: boolean, io: Io): Promise<ExitCode> {
  const diagnostics: Diagnostic[] = [];
  const results: { file: string; valid: boolean; diagnostics: Diagnostic[] }[] = [];
  for (const file of files) {
    const result = await loadDatasetFile(file);
    diagnostics.push(...result.diagnostics);
    results.push({ file, valid: result.dataset !== undefined, diagnostics: result.diagnostics });
  }
  if (json) {
    io.out(`${JSON.stringify({ valid: diagnostics.length === 0, files: results }, null, 2)}\n`);
  } else {
    for (const d of diagnostics) io.err(`${formatDiagnostic(d)}\n`);
    for (const r of results) {
      if (r.valid) io.out(`✓ ${r.file}: valid\n`);
    }
    if (diagnostics.length > 0) {
      io.err(
        `\n${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} found; nothing was built.\n`,
      );
    }
  }
  return diagnostics.length > 0 ? EXIT.invalidInput : EXIT.ok;
}

/** The datasets a config names; the default dataset path when there is no config file. */
export async function datasetsOf(cwd: string, configFile: string): Promise<string[]> {
  const { loadConfig } = await import('../build/config.js');
  const config = await loadConfig(join(cwd, configFile));
  return config.value
    ? config.value.datasets.map((d) => join(cwd, d))
    : [join(cwd, 'data', 'korea-emerging-tech.yaml')];
}
