/** Loads and validates the theme file (templates/theme.yaml by default). */
import { dirname, isAbsolute, resolve } from 'node:path';
import { type Diagnostic, error } from '../diagnostics.js';
import { loadYamlFile } from '../input/load-yaml-file.js';
import type { BuildFonts } from './build-fonts.js';
import { fontFileProblem, licenceFileProblem } from './font-check.js';
import { resolveFontPath } from './font-files.js';
import { Theme } from './schema.js';

const FONT_FILES = ['regular', 'bold', 'semibold', 'italic', 'licence'] as const;
const FALLBACK_FILES = ['regular', 'bold', 'licence'] as const;

const FONT_HINT =
  'give a TrueType or OpenType font inside an npm package (<package>/<folder>/<Font>.ttf, resolved from node_modules), or a path starting with ./ relative to the theme file';

/** A path relative to the theme file (./ or ../) made absolute; a package path as it is. */
function localPath(path: string, themeDir: string): string {
  return path.startsWith('./') || path.startsWith('../') ? resolve(themeDir, path) : path;
}

interface FontFileEntry {
  keys: (string | number)[];
  path: string;
  licence: boolean;
  /** The primary face must have Latin letters; a fallback for one script need not. */
  primary: boolean;
  set(value: string): void;
}

function fontEntries(theme: Theme): FontFileEntry[] {
  const entries: FontFileEntry[] = [];
  const fonts = theme.fonts;
  for (const key of FONT_FILES) {
    const path = fonts[key];
    if (path === undefined || path === 'none') continue;
    entries.push({
      keys: ['fonts', key],
      path,
      licence: key === 'licence',
      primary: true,
      set: (value) => {
        fonts[key] = value;
      },
    });
  }
  fonts.fallbacks.forEach((fallback, i) => {
    for (const key of FALLBACK_FILES) {
      const path = fallback[key];
      if (path === undefined) continue;
      entries.push({
        keys: ['fonts', 'fallbacks', i, key],
        path,
        licence: key === 'licence',
        primary: false,
        set: (value) => {
          fallback[key] = value;
        },
      });
    }
  });
  return entries;
}

/** The theme at `file`, its font files checked through the build's fonts (read once per build). */
export async function loadTheme(
  file: string,
  fonts: BuildFonts,
): Promise<{ theme?: Theme; diagnostics: Diagnostic[] }> {
  const result = await loadYamlFile(Theme, file);
  const theme = result.value;
  const source = result.source;
  if (!theme || !source) return { diagnostics: result.diagnostics };
  // The font files are inputs too: a wrong path, or a file that is not a font, is the
  // analyst's mistake at its line, not a crash in the first chart or document.
  const problems: Diagnostic[] = [];
  const themeDir = dirname(resolve(file));
  for (const entry of fontEntries(theme)) {
    const { path } = entry;
    const where = { file, ...source.locate(entry.keys), path: entry.keys.join('.') };
    const local = localPath(path, themeDir);
    let resolved: string;
    try {
      resolved = resolveFontPath(local);
    } catch {
      const message =
        isAbsolute(local) && local !== path
          ? `no file "${path}" next to the theme file (${local})`
          : `no file "${path}" in the installed packages`;
      problems.push(error('THEME_INVALID', message, { ...where, hint: FONT_HINT }));
      continue;
    }
    const problem = entry.licence
      ? licenceFileProblem(resolved)
      : fontFileProblem(resolved, fonts, { latin: entry.primary });
    if (problem) {
      problems.push(
        error('THEME_INVALID', `"${path}" ${problem}`, {
          ...where,
          hint: entry.licence
            ? 'give the font licence, a UTF-8 text file (inside the font package)'
            : FONT_HINT,
        }),
      );
      continue;
    }
    // Renderers and the build's input hashes resolve the path again: a local one goes absolute.
    if (local !== path) entry.set(local);
  }
  return problems.length > 0 ? { diagnostics: problems } : { theme, diagnostics: [] };
}
