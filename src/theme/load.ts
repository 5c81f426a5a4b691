/** Loads and validates the theme file (templates/theme.yaml by default). */
import type { Diagnostic } from '../diagnostics.js';
import { loadYamlFile } from '../input/load-yaml-file.js';
import { Theme } from './schema.js';

export async function loadTheme(file: string): Promise<{ theme?: Theme; diagnostics: Diagnostic[] }> {
  const result = await loadYamlFile(Theme, file);
  return { theme: result.value, diagnostics: result.diagnostics };
}
