/**
 * The shapes of the paths briefkit.config.yaml may hold. The project folder is the config
 * file's own folder; every path the config names stays inside it, written with "/":
 * briefkit never reads a template from, nor writes an output to, anywhere else.
 * Whether the named files exist (and where links lead) is checked in config-files.ts.
 */
import { Buffer } from 'node:buffer';
import { dirname, posix, resolve, win32 } from 'node:path';
import type { BuildConfig } from './config.js';

/**
 * What a path names, which decides what it is relative to and how strict its form is:
 * `input` (dataset, theme, templates and charts folders) and `template` are read;
 * `out` is the folder a build replaces; `output` is one file inside it.
 */
export type PathRole = 'input' | 'template' | 'out' | 'output';

export interface PathProblem {
  /** Worded as what was expected: diagnostics print "expected <message>, got …". */
  message: string;
  hint: string;
}

const INSIDE: Record<PathRole, string> = {
  input: 'a path inside the project folder (the folder of briefkit.config.yaml)',
  template: 'a path inside the templates folder',
  out: 'a folder inside the project folder',
  output: 'a path inside the output folder',
};

const STAY_INSIDE: Record<PathRole, string> = {
  input: 'briefkit reads only files inside the project folder; copy the file into it',
  template: 'name the template relative to the templates folder, e.g. briefing.md.hbs',
  out: 'each build replaces this folder whole, so it must be one of the project\'s own, e.g. "out"',
  output: 'name the file relative to the output folder, e.g. "briefing.pdf" or "sectors/{sector}.pdf"',
};

const EXAMPLE: Record<PathRole, string> = {
  input: 'for example "data/dataset.yaml" or "templates"',
  template: 'for example "briefing.md.hbs"',
  out: 'for example "out"',
  output: 'for example "briefing.pdf" or "sectors/{sector}.pdf"',
};

/** Why `path` is not an acceptable path for its role, or undefined. Looks at the text only. */
export function pathProblem(path: string, role: PathRole): PathProblem | undefined {
  if (path === '') return { message: 'a path, not an empty text', hint: EXAMPLE[role] };
  if (path.includes('\0'))
    return { message: 'a path without NUL characters', hint: 'remove the NUL character' };
  if (path.includes('\\')) {
    return {
      message: 'a path with "/" between folders',
      hint: `a backslash is refused (a Windows separator, or an escape): write "${path.replaceAll('\\', '/')}"`,
    };
  }
  if (posix.isAbsolute(path) || win32.isAbsolute(path)) {
    return { message: `${INSIDE[role]}, not an absolute path`, hint: STAY_INSIDE[role] };
  }
  const segments = path.split('/');
  if (segments.includes('..')) return { message: `${INSIDE[role]} (without "..")`, hint: STAY_INSIDE[role] };
  if (role === 'output' && segments.some((s) => s === '' || s === '.')) {
    return {
      message: 'a file path without empty or "." parts',
      hint: 'name the file relative to the output folder, e.g. "briefing.pdf" or "sectors/{sector}.pdf"',
    };
  }
  // The project folder itself: as out/ it would be replaced whole; as templates or charts, out/ would be an input.
  if ((role === 'out' || role === 'input') && normalised(path) === '.') {
    return { message: `${INSIDE[role]}, not the project folder itself`, hint: STAY_INSIDE[role] };
  }
  if (role === 'out' && segments.includes(STATE_FOLDER)) {
    return {
      message: `a folder outside ${STATE_FOLDER}/ (briefkit's own state)`,
      hint: STAY_INSIDE.out,
    };
  }
  if (role === 'out' && segments.some((s) => s.toLowerCase() === '.git')) {
    return {
      message: 'a folder outside .git/ (the repository itself)',
      hint: 'each build replaces the out folder whole; choose a folder of its own, e.g. "out"',
    };
  }
  if (role === 'output' && segments[0]?.toLowerCase().startsWith(STATE_FOLDER)) {
    return {
      message: `a name that does not start with "${STATE_FOLDER}" (kept for briefkit's staging)`,
      hint: `a build stages its files under ${STATE_FOLDER}… names inside out/ and never publishes one; rename the file`,
    };
  }
  return nameLengthProblem(segments, role);
}

/** The longest file or folder name most file systems take (ext4, APFS, NTFS), in bytes. */
export const MAX_NAME_BYTES = 255;
/**
 * What briefkit adds to out/'s own name for the entries it keeps beside it, at most:
 * `.<out>.briefkit-next-<pid>-<8 hex>` (publish.ts), with a pid of up to 10 digits.
 */
const OUT_NAME_EXTRA_BYTES = '..briefkit-next--'.length + 10 + 8;

/**
 * A file or folder name longer than the file system takes. A `{sector}` part of an output
 * is checked once expanded (config-expanded.ts): its length depends on the sector ids.
 */
function nameLengthProblem(segments: string[], role: PathRole): PathProblem | undefined {
  const last = segments.length - 1;
  for (const [i, segment] of segments.entries()) {
    if (role === 'output' && segment.includes('{sector}')) continue;
    const limit = role === 'out' && i === last ? MAX_NAME_BYTES - OUT_NAME_EXTRA_BYTES : MAX_NAME_BYTES;
    const bytes = Buffer.byteLength(segment);
    if (bytes <= limit) continue;
    const what = role === 'out' && i === last ? "out folder's name" : 'file or folder name';
    return {
      message: `a ${what} of at most ${limit} bytes ("${Array.from(segment).slice(0, 20).join('')}…" has ${bytes})`,
      hint:
        role === 'out' && i === last
          ? `file systems take names of at most ${MAX_NAME_BYTES} bytes, and briefkit names entries beside out/ after it; shorten the name`
          : `file systems take names of at most ${MAX_NAME_BYTES} bytes (an accented letter takes 2, a Chinese, Japanese or Devanagari letter 3); shorten the name`,
    };
  }
  return undefined;
}

/** Where builds keep their lock, cache and staging (src/pipeline/out-state.ts), beside out/. */
const STATE_FOLDER = '.briefkit';

/** `./a//b/` → `a/b`; `.` for the folder itself. Only for paths `pathProblem` accepted. */
export function normalised(path: string): string {
  const result = posix.normalize(path).replace(/\/+$/, '');
  return result === '' ? '.' : result;
}

/** Paths compared as a case-insensitive file system (macOS, Windows) would: two that differ in case are one file there. */
export function sameFileKey(path: string): string {
  return normalised(path).toLowerCase();
}

/** True when `inner` is `outer` or inside it (both normalised, compared by `sameFileKey`). */
export function isWithin(inner: string, outer: string): boolean {
  const a = sameFileKey(inner);
  const b = sameFileKey(outer);
  return a === b || a.startsWith(`${b}/`);
}

/** The project folder of a config file given on the command line (relative to `cwd` or absolute). */
export function projectOf(cwd: string, configFile: string): { projectDir: string; configPath: string } {
  const configPath = resolve(cwd, configFile);
  return { projectDir: dirname(configPath), configPath };
}

/** The files and folders a build reads, as the config names them (relative to the project folder). */
export function inputPaths(
  config: Pick<BuildConfig, 'datasets' | 'theme' | 'templates' | 'charts'>,
): string[] {
  return [...config.datasets, config.theme, config.templates, config.charts];
}
