/** The shipped theme and the fixed date every renderer test embeds, shared by the test helpers. */
import { join } from 'node:path';
import { BuildFonts } from '../../src/theme/build-fonts.js';
import { loadTheme } from '../../src/theme/load.js';
import type { Theme } from '../../src/theme/schema.js';

export const DATE = new Date('2025-07-15T00:00:00Z');

/** One build's fonts for a test file (theme/build-fonts.ts): files read and parsed once. */
export const testFonts = new BuildFonts();

let theme: Theme | undefined;

/** templates/theme.yaml, loaded once per test file. */
export async function defaultTheme(): Promise<Theme> {
  if (!theme) {
    const loaded = await loadTheme(
      join(import.meta.dirname, '..', '..', 'templates', 'theme.yaml'),
      testFonts,
    );
    if (!loaded.theme) throw new Error('templates/theme.yaml does not load');
    theme = loaded.theme;
  }
  return theme;
}
