/**
 * Checks the files a valid config names, so a misspelt template or dataset path is reported
 * at its line in briefkit.config.yaml, with a did-you-mean, before anything is loaded.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type Diagnostic, didYouMean, error, formatPath } from '../diagnostics.js';
import type { YamlSource } from '../input/yaml.js';
import type { BuildConfig } from './config.js';

function missing(
  cwd: string,
  relative: string,
  source: YamlSource,
  path: (string | number)[],
  what: string,
): Diagnostic | undefined {
  const file = join(cwd, relative);
  if (existsSync(file)) return undefined;
  let siblings: string[] = [];
  try {
    siblings = readdirSync(dirname(file));
  } catch {
    // The folder is missing too: no suggestion.
  }
  const guess = didYouMean(basename(file), siblings);
  return error('CONFIG_INVALID', `no ${what} "${relative}"`, {
    file: source.file,
    ...source.locate(path),
    path: formatPath(path),
    hint: guess ? `did you mean "${join(dirname(relative), guess)}"?` : `check the path (relative to ${cwd})`,
  });
}

export function checkConfigFiles(cwd: string, config: BuildConfig, source: YamlSource): Diagnostic[] {
  const problems = [
    ...config.datasets.map((d, i) => missing(cwd, d, source, ['datasets', i], 'dataset file')),
    missing(cwd, config.theme, source, ['theme'], 'theme file'),
    ...config.documents.map((doc, i) =>
      missing(cwd, join(config.templates, doc.template), source, ['documents', i, 'template'], 'template'),
    ),
  ];
  return problems.filter((p): p is Diagnostic => p !== undefined);
}
