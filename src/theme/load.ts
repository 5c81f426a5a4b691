/** Loads and validates the theme file (templates/theme.yaml by default). */
import { type Diagnostic, error } from '../diagnostics.js';
import { loadYamlFile } from '../input/load-yaml-file.js';
import { fontFileProblem, licenceFileProblem } from './font-check.js';
import { resolveFontPath } from './fonts.js';
import { Theme } from './schema.js';

const FONT_FILES = ['regular', 'bold', 'semibold', 'licence'] as const;

const FONT_HINT =
  'give a TrueType or OpenType font inside an npm package, e.g. pretendard/dist/public/static/alternative/Pretendard-Regular.ttf';

export async function loadTheme(file: string): Promise<{ theme?: Theme; diagnostics: Diagnostic[] }> {
  const result = await loadYamlFile(Theme, file);
  const theme = result.value;
  const source = result.source;
  if (!theme || !source) return { diagnostics: result.diagnostics };
  // The font files are inputs too: a wrong path, or a file that is not a font, is the
  // analyst's mistake at its line, not a crash in the first chart or document.
  const problems: Diagnostic[] = [];
  for (const key of FONT_FILES) {
    const path = theme.fonts[key];
    if (path === undefined) continue;
    const where = { file, ...source.locate(['fonts', key]), path: `fonts.${key}` };
    let resolved: string;
    try {
      resolved = resolveFontPath(path);
    } catch {
      problems.push(
        error('THEME_INVALID', `no file "${path}" in the installed packages`, { ...where, hint: FONT_HINT }),
      );
      continue;
    }
    const problem = key === 'licence' ? licenceFileProblem(resolved) : fontFileProblem(resolved);
    if (problem)
      problems.push(
        error('THEME_INVALID', `"${path}" ${problem}`, {
          ...where,
          hint:
            key === 'licence'
              ? 'give the font licence, a UTF-8 text file inside the font package'
              : FONT_HINT,
        }),
      );
  }
  return problems.length > 0 ? { diagnostics: problems } : { theme, diagnostics: [] };
}
