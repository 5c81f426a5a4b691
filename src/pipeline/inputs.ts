/**
 * The files whose bytes decide a build, and the no-op fast path: when none of them
 * changed and every output on disk still matches the manifest, there is nothing to do.
 * This module must stay light: no yaml, zod, vega, pdfkit or pptxgenjs imports.
 *
 * Every input is read through the one guard (src/input/read-file.ts): a FIFO or a device
 * put where an input was is never read (it would hang the build, or be read for ever), and a
 * refused input is a diagnostic. The fast path then answers "not up to date", and the full
 * build reports the input as its loader does: the file, what to do, exit 1.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { type Diagnostic, error } from '../diagnostics.js';
import { readInputFile } from '../input/read-file.js';
import { sha256 } from './hash.js';
import { InputStamps } from './input-stamps.js';
import type { Manifest } from './manifest.js';
import { isPlainFileInside, joinInside } from './out-paths.js';

const DIR_PREFIX = 'dir:';
const ENV_PREFIX = 'env:';
/** Files of installed packages (the fonts), keyed by package path so manifests match across machines. */
const PACKAGE_PREFIX = 'pkg:';
const require = createRequire(import.meta.url);

/** Environment variables that change outputs. */
export const OUTPUT_ENV = ['SOURCE_DATE_EPOCH'] as const;

/** The limit for package files (fonts): MAX_FONT_BYTES of src/theme/font-check.ts, not imported (it loads fontkit). */
export const MAX_PACKAGE_FILE_BYTES = 64 * 1024 * 1024;

/** Marks a folder entry that is not read (a pipe, a device, a broken link): its name still counts. */
const NOT_READ = ' (not a regular file)';

interface FolderEntry {
  file: string;
  regular: boolean;
}

interface Walk {
  /** The project's real path: a linked folder is entered only when it is inside. */
  project: string;
  /** The real path of the folder the walk started from: a link back up to it is not entered. */
  top: string;
  seen: Set<string>;
}

const isWithin = (folder: string, path: string) => path === folder || path.startsWith(`${folder}${sep}`);

/**
 * Every entry under `dir`, through symbolic links: a linked template is read through its
 * link, so the file it points to is what is hashed. A linked folder is entered only when it
 * leads inside the project and not back up to the folder walked (a link to / would otherwise
 * list the whole disk); every folder once, by real path. Entries that are not regular files
 * (pipes, devices, broken links, folders not entered) are listed, never read.
 */
async function listFolder(dir: string, walk: Walk): Promise<FolderEntry[]> {
  const real = await realpath(dir);
  if (walk.seen.has(real)) return [];
  walk.seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  const found: FolderEntry[] = [];
  for (const entry of entries) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...(await listFolder(file, walk)));
      continue;
    }
    const info = entry.isSymbolicLink() ? await stat(file).catch(() => undefined) : entry;
    if (info?.isDirectory()) {
      const target = await realpath(file);
      const enter = isWithin(walk.project, target) && !isWithin(target, walk.top);
      if (enter) found.push(...(await listFolder(file, walk)));
      else found.push({ file, regular: false });
    } else found.push({ file, regular: info?.isFile() ?? false });
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

const toKey = (cwd: string, file: string) => relative(cwd, file).split(sep).join('/');

export interface HashedInputs {
  /** Key (project-relative path, `dir:`, `pkg:` or `env:` name) → hash, sorted by key. */
  hashes: Record<string, string>;
  /** Inputs the guard refused (a FIFO, a device, a file over the limit, an unreadable file). */
  diagnostics: Diagnostic[];
}

/** A refused file that only sits in an input folder: say how to get it out of the way. */
function inFolder(diagnostic: Diagnostic, dir: string): Diagnostic {
  return {
    ...diagnostic,
    hint: `every file in the ${dir} folder is an input of the build; move files briefkit does not read out of it`,
  };
}

/**
 * Hashes of the given files, package files and folders (a folder by its listing plus each file
 * in it). A file whose stamp is unchanged since `stamps` recorded it is not read (input-stamps.ts);
 * every file read is recorded in `stamps`.
 */
export async function hashInputs(
  cwd: string,
  files: string[],
  dirs: string[],
  env: Record<string, string | undefined>,
  packageFiles: string[] = [],
  stamps: InputStamps = new InputStamps(),
): Promise<HashedInputs> {
  const result: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  const hash = async (key: string, file: string, maxBytes?: number, folder?: string) => {
    // Stat before the read: a file changed in between is stamped as it was, so hashed again next time.
    const info = await stat(file, { bigint: true }).catch(() => undefined);
    const known = info?.isFile() ? stamps.lookup(file, info) : undefined;
    if (known !== undefined) {
      result[key] = known;
      return;
    }
    const read = await readInputFile(file, { maxBytes });
    if (read.bytes) {
      result[key] = sha256(read.bytes);
      if (info) stamps.record(file, info, result[key]);
    } else if (read.diagnostic)
      diagnostics.push(folder ? inFolder(read.diagnostic, folder) : read.diagnostic);
  };
  const all = new Map<string, string | undefined>(files.map((f) => [join(cwd, f), undefined]));
  await Promise.all(
    packageFiles.map(async (p) => {
      let file: string;
      try {
        file = require.resolve(p);
      } catch {
        diagnostics.push(
          error('FILE_NOT_FOUND', `no file "${p}" in the installed packages`, { hint: 'run npm ci' }),
        );
        return;
      }
      await hash(`${PACKAGE_PREFIX}${p}`, file, MAX_PACKAGE_FILE_BYTES);
    }),
  );
  const project = await realpath(cwd);
  for (const dir of dirs) {
    const top = join(cwd, dir);
    const listed = await listFolder(top, { project, top: await realpath(top), seen: new Set() });
    const names = listed.map((e) => `${toKey(cwd, e.file)}${e.regular ? '' : NOT_READ}`);
    result[`${DIR_PREFIX}${dir}`] = sha256(names.join('\n'));
    for (const entry of listed) if (entry.regular && !all.has(entry.file)) all.set(entry.file, dir);
  }
  await Promise.all([...all].map(([file, folder]) => hash(toKey(cwd, file), file, undefined, folder)));
  for (const name of OUTPUT_ENV) result[`${ENV_PREFIX}${name}`] = env[name] ?? '';
  // Hashes finish in any order: sort, so anything derived from the record is deterministic.
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  const byFile = (a: Diagnostic, b: Diagnostic) => ((a.file ?? '') < (b.file ?? '') ? -1 : 1);
  return {
    hashes: Object.fromEntries(Object.entries(result).sort(byKey)),
    diagnostics: diagnostics.sort(byFile),
  };
}

/** True when the previous build's inputs and outputs are all unchanged. Never throws. */
export async function isUpToDate(
  cwd: string,
  outDir: string,
  manifest: Manifest | undefined,
  version: string,
  env: Record<string, string | undefined>,
  stamps?: InputStamps,
): Promise<boolean> {
  if (!manifest || manifest.shard || manifest.briefkitVersion !== version) return false;
  try {
    const files: string[] = [];
    const dirs: string[] = [];
    const packageFiles: string[] = [];
    for (const key of Object.keys(manifest.inputFiles)) {
      if (key.startsWith(DIR_PREFIX)) dirs.push(key.slice(DIR_PREFIX.length));
      else if (key.startsWith(PACKAGE_PREFIX)) packageFiles.push(key.slice(PACKAGE_PREFIX.length));
      else if (!key.startsWith(ENV_PREFIX)) files.push(key);
    }
    const current = await hashInputs(cwd, files, dirs, env, packageFiles, stamps);
    // A refused input is the full build's to report (at its file, exit 1).
    if (current.diagnostics.length > 0) return false;
    const keys = new Set([...Object.keys(current.hashes), ...Object.keys(manifest.inputFiles)]);
    for (const key of keys) if (current.hashes[key] !== manifest.inputFiles[key]) return false;
    for (const output of manifest.outputs) {
      if (!(await isPlainFileInside(outDir, output.path))) return false;
      const file = joinInside(outDir, output.path);
      // The size first: an output is read only when it is the size the manifest says.
      const info = await stat(file, { bigint: true });
      if (info.size !== BigInt(output.bytes)) return false;
      // An output stamped since it was published (input-stamps.ts: size, inode, mtime, ctime) is
      // not read again: reading and hashing the 31 outputs was a third of a no-op's file work.
      if (stamps?.lookup(file, info) === output.sha256) continue;
      const hash = sha256(await readFile(file));
      if (hash !== output.sha256) return false;
      stamps?.record(file, info, hash);
    }
    return true;
  } catch {
    return false;
  }
}
