/**
 * Checks the files a valid config names, so a misspelt template or dataset path is reported
 * at its line in briefkit.config.yaml, with a did-you-mean, before anything is loaded; and
 * that none of them is a link leading outside the project folder (config-paths.ts has
 * already refused any path that does so by its text); and that out/ is a folder a build may
 * replace (config-out.ts).
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { type Diagnostic, didYouMean, error, formatPath } from '../diagnostics.js';
import type { YamlSource } from '../input/yaml.js';
import type { BuildConfig } from './config.js';
import { checkOutFolder } from './config-out.js';

interface Named {
  relative: string;
  path: (string | number)[];
  what: string;
}

function missing(cwd: string, named: Named, source: YamlSource): Diagnostic | undefined {
  const file = join(cwd, named.relative);
  if (existsSync(file)) return undefined;
  let siblings: string[] = [];
  try {
    siblings = readdirSync(dirname(file));
  } catch {
    // The folder is missing too: no suggestion.
  }
  const guess = didYouMean(basename(file), siblings);
  return error('CONFIG_INVALID', `no ${named.what} "${named.relative}"`, {
    file: source.file,
    ...source.locate(named.path),
    path: formatPath(named.path),
    hint: guess
      ? `did you mean "${join(dirname(named.relative), guess)}"?`
      : `check the path (relative to ${cwd})`,
  });
}

/** The real path of `file`, through every link; the part that does not exist yet is kept as written. */
function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    const parent = dirname(file);
    return parent === file ? file : join(realPathOf(parent), basename(file));
  }
}

/** A link (the file, or a folder on its way) that leads outside the project folder, or to the folder itself. */
function linkedOutside(
  realProject: string,
  cwd: string,
  named: Named,
  source: YamlSource,
): Diagnostic | undefined {
  const real = realPathOf(join(cwd, named.relative));
  const inside = relative(realProject, real);
  const itself = inside === '';
  if (!itself && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)) return undefined;
  const where = itself ? 'to the project folder itself' : `outside the project folder (to ${real})`;
  return error('CONFIG_INVALID', `the ${named.what} "${named.relative}" is a link that leads ${where}`, {
    file: source.file,
    ...source.locate(named.path),
    path: formatPath(named.path),
    hint: 'briefkit reads and writes only inside the project folder (the folder of briefkit.config.yaml); copy the files in instead of linking to them',
  });
}

export function checkConfigFiles(cwd: string, config: BuildConfig, source: YamlSource): Diagnostic[] {
  const named: Named[] = [
    ...config.datasets.map((d, i) => ({ relative: d, path: ['datasets', i], what: 'dataset file' })),
    { relative: config.theme, path: ['theme'], what: 'theme file' },
    ...config.documents.map((doc, i) => ({
      relative: join(config.templates, doc.template),
      path: ['documents', i, 'template'],
      what: 'template',
    })),
  ];
  const missingFiles = named
    .map((n) => missing(cwd, n, source))
    .filter((p): p is Diagnostic => p !== undefined);
  if (missingFiles.length > 0) return missingFiles;
  const realProject = realpathSync(cwd);
  const folders: Named[] = [
    { relative: config.templates, path: ['templates'], what: 'templates folder' },
    { relative: config.charts, path: ['charts'], what: 'charts folder' },
    { relative: config.out, path: ['out'], what: 'output folder' },
  ];
  const links = [...folders, ...named]
    .map((n) => linkedOutside(realProject, cwd, n, source))
    .filter((p): p is Diagnostic => p !== undefined);
  return links.length > 0 ? links : checkOutFolder(cwd, config, source);
}
