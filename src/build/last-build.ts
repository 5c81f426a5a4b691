/**
 * A pointer from a config file to the out/ folder its last build wrote, so a no-op build
 * can find the manifest without parsing the config (no yaml or zod import on the fast path).
 * The folder is stored relative to the project, so a copied checkout (CI restoring
 * `.briefkit/` into a new workspace) looks at its own out/, never the old one's.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { readInputFile } from '../input/read-file.js';

const POINTER = join('.briefkit', 'last-build.json');

interface Pointer {
  configFile: string;
  outDir: string;
}

/** The absolute out/ folder of the last successful build with this config, if any. */
export async function readLastBuild(cwd: string, configFile: string): Promise<string | undefined> {
  // Through the input guard (src/input/read-file.ts): a pipe here would hang the no-op fast path.
  const read = await readInputFile(join(cwd, POINTER));
  if (!read.bytes) return undefined;
  try {
    const pointer = JSON.parse(new TextDecoder().decode(read.bytes)) as Partial<Pointer>;
    if (pointer.configFile !== configFile || typeof pointer.outDir !== 'string') return undefined;
    // Older pointers held an absolute path, which may name another checkout's out/.
    if (isAbsolute(pointer.outDir)) return undefined;
    return resolve(cwd, pointer.outDir);
  } catch {
    return undefined;
  }
}

export async function writeLastBuild(cwd: string, configFile: string, outDir: string): Promise<void> {
  await mkdir(join(cwd, '.briefkit'), { recursive: true });
  const pointer: Pointer = { configFile, outDir: relative(cwd, outDir) || '.' };
  const temp = join(cwd, `${POINTER}.${process.pid}`);
  await writeFile(temp, `${JSON.stringify(pointer)}\n`);
  await rename(temp, join(cwd, POINTER));
}
