/**
 * Where the theme's font files are (npm packages or absolute paths) and the primary face's
 * files with their bytes. Reading goes through the build's fonts (build-fonts.ts), which
 * read each file once per build.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Theme } from './schema.js';

const require = createRequire(import.meta.url);

export interface FontFiles {
  family: string;
  regularPath: string;
  boldPath: string;
  regular: Buffer;
  bold: Buffer;
  /** The licence text named by the theme, if it names one. */
  licenceText?: string;
}

/**
 * A theme font path: inside an npm package, or absolute (theme/load.ts makes a path relative to
 * the theme file absolute once it has checked it).
 */
export function resolveFontPath(packagePath: string): string {
  return require.resolve(packagePath);
}

/** The theme's primary face: its paths and bytes (read by `read`), and its licence text. */
export function themeFontFiles(theme: Theme, read: (path: string) => Buffer): FontFiles {
  const regularPath = resolveFontPath(theme.fonts.regular);
  const boldPath = resolveFontPath(theme.fonts.bold);
  return {
    family: theme.fonts.family,
    regularPath,
    boldPath,
    regular: read(regularPath),
    bold: read(boldPath),
    ...(theme.fonts.licence
      ? { licenceText: readFileSync(resolveFontPath(theme.fonts.licence), 'utf8') }
      : {}),
  };
}
