/**
 * The theme's font files, resolved from node_modules and read once per process:
 * re-reading and re-parsing per document costs hundreds of milliseconds (STACK.md).
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

const cache = new Map<string, FontFiles>();
const bytesByPath = new Map<string, Buffer>();

/** A font file's bytes, read once per process: the theme check and the renderers share them. */
export function readFontFile(path: string): Buffer {
  let bytes = bytesByPath.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    bytesByPath.set(path, bytes);
  }
  return bytes;
}

/**
 * A theme font path: inside an npm package, or absolute (theme/load.ts makes a path relative to
 * the theme file absolute once it has checked it).
 */
export function resolveFontPath(packagePath: string): string {
  return require.resolve(packagePath);
}

/** Reads the theme's fonts (cached by path) and returns their bytes and paths. */
export function themeFonts(theme: Theme): FontFiles {
  const key = `${theme.fonts.regular}\n${theme.fonts.bold}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const regularPath = resolveFontPath(theme.fonts.regular);
  const boldPath = resolveFontPath(theme.fonts.bold);
  const fonts: FontFiles = {
    family: theme.fonts.family,
    regularPath,
    boldPath,
    regular: readFontFile(regularPath),
    bold: readFontFile(boldPath),
    ...(theme.fonts.licence
      ? { licenceText: readFileSync(resolveFontPath(theme.fonts.licence), 'utf8') }
      : {}),
  };
  cache.set(key, fonts);
  return fonts;
}
