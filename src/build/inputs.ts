/**
 * The files whose bytes decide a build, and the no-op fast path: when none of them
 * changed and every output on disk still matches the manifest, there is nothing to do.
 * This module must stay light: no yaml, zod, vega, pdfkit or pptxgenjs imports.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { sha256 } from './hash.js';
import type { Manifest } from './manifest.js';
import { isPlainFileInside, joinInside } from './out-paths.js';

const DIR_PREFIX = 'dir:';
const ENV_PREFIX = 'env:';
/** Files of installed packages (the fonts), keyed by package path so manifests match across machines. */
const PACKAGE_PREFIX = 'pkg:';
const require = createRequire(import.meta.url);

/** Environment variables that change outputs. */
export const OUTPUT_ENV = ['SOURCE_DATE_EPOCH'] as const;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const toKey = (cwd: string, file: string) => relative(cwd, file).split(sep).join('/');

/** Hashes of the given files, package files and folders (a folder by its listing plus each file in it). */
export async function hashInputs(
  cwd: string,
  files: string[],
  dirs: string[],
  env: Record<string, string | undefined>,
  packageFiles: string[] = [],
): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const all = new Set(files.map((f) => join(cwd, f)));
  await Promise.all(
    packageFiles.map(async (p) => {
      result[`${PACKAGE_PREFIX}${p}`] = sha256(await readFile(require.resolve(p)));
    }),
  );
  for (const dir of dirs) {
    const listed = await listFiles(join(cwd, dir));
    result[`${DIR_PREFIX}${dir}`] = sha256(listed.map((f) => toKey(cwd, f)).join('\n'));
    for (const f of listed) all.add(f);
  }
  await Promise.all(
    [...all].map(async (file) => {
      result[toKey(cwd, file)] = sha256(await readFile(file));
    }),
  );
  for (const name of OUTPUT_ENV) result[`${ENV_PREFIX}${name}`] = env[name] ?? '';
  // Hashes finish in any order: sort, so anything derived from the record is deterministic.
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** True when the previous build's inputs and outputs are all unchanged. Never throws. */
export async function isUpToDate(
  cwd: string,
  outDir: string,
  manifest: Manifest | undefined,
  version: string,
  env: Record<string, string | undefined>,
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
    const current = await hashInputs(cwd, files, dirs, env, packageFiles);
    const keys = new Set([...Object.keys(current), ...Object.keys(manifest.inputFiles)]);
    for (const key of keys) if (current[key] !== manifest.inputFiles[key]) return false;
    for (const output of manifest.outputs) {
      if (!(await isPlainFileInside(outDir, output.path))) return false;
      const file = joinInside(outDir, output.path);
      if ((await stat(file)).size !== output.bytes) return false;
      if (sha256(await readFile(file)) !== output.sha256) return false;
    }
    return true;
  } catch {
    return false;
  }
}
