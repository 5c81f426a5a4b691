/** Loads and validates the theme file (templates/theme.yaml by default). */
import { type Diagnostic, error } from '../diagnostics.js';
import { loadYamlFile } from '../input/load-yaml-file.js';
import { resolveFontPath } from './fonts.js';
import { Theme } from './schema.js';

const FONT_FILES = ['regular', 'bold', 'semibold', 'licence'] as const;

export async function loadTheme(file: string): Promise<{ theme?: Theme; diagnostics: Diagnostic[] }> {
  const result = await loadYamlFile(Theme, file);
  const theme = result.value;
  if (!theme || !result.source) return { diagnostics: result.diagnostics };
  // The font files are inputs too: a wrong path is the analyst's mistake, not a crash later.
  const missing: Diagnostic[] = [];
  for (const key of FONT_FILES) {
    const path = theme.fonts[key];
    if (path === undefined) continue;
    try {
      resolveFontPath(path);
    } catch {
      missing.push(
        error('THEME_INVALID', `no file "${path}" in the installed packages`, {
          file,
          ...result.source.locate(['fonts', key]),
          path: `fonts.${key}`,
          hint: 'give a path inside an npm package, e.g. pretendard/dist/public/static/alternative/Pretendard-Regular.ttf',
        }),
      );
    }
  }
  return missing.length > 0 ? { diagnostics: missing } : { theme, diagnostics: [] };
}
