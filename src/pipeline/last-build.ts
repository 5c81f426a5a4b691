/**
 * A pointer from a config file to the out/ folder its last build wrote, so a no-op build
 * can find the manifest without parsing the config (no yaml or zod import on the fast path).
 * The folder is stored relative to the project, so a copied checkout (CI restoring
 * `.briefkit/` into a new workspace) looks at its own out/, never the old one's.
 */
import { mkdir, realpath, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { readInputFile } from '../input/read-file.js';
import { removeStaleTemps, writeAtomically } from './leftovers.js';
import { joinInside, unsafeOutPath } from './out-paths.js';

const POINTER = join('.briefkit', 'last-build.json');

interface Pointer {
  configFile: string;
  outDir: string;
}

/**
 * The absolute out/ folder of the last successful build with this config, if the pointer
 * names a folder of this project: a pointer that leads elsewhere (`../other/out`, an absolute
 * path from an older briefkit, a link on the way) is ignored and the full build decides.
 */
export async function readLastBuild(cwd: string, configFile: string): Promise<string | undefined> {
  // Through the input guard (src/input/read-file.ts): a pipe here would hang the no-op fast path.
  const read = await readInputFile(join(cwd, POINTER));
  if (!read.bytes) return undefined;
  try {
    const pointer = JSON.parse(new TextDecoder().decode(read.bytes)) as Partial<Pointer>;
    if (pointer.configFile !== configFile || typeof pointer.outDir !== 'string') return undefined;
    if (unsafeOutPath(pointer.outDir)) return undefined;
    const outDir = joinInside(cwd, pointer.outDir);
    // out/ itself may be a link (it is one, to its build folder); the folders above it may not lead out.
    const [project, parent] = await Promise.all([realpath(cwd), realpath(dirname(outDir))]);
    return parent === project || parent.startsWith(`${project}${sep}`) ? outDir : undefined;
  } catch {
    return undefined;
  }
}

export async function writeLastBuild(cwd: string, configFile: string, outDir: string): Promise<void> {
  await mkdir(join(cwd, '.briefkit'), { recursive: true });
  const pointer: Pointer = { configFile, outDir: relative(cwd, outDir).split(sep).join('/') || '.' };
  await removeStaleTemps(join(cwd, POINTER));
  await writeAtomically(join(cwd, POINTER), `${JSON.stringify(pointer)}\n`);
}

/**
 * Forgets the last build before a partial one (`--only`, `--shard`): its manifest records the
 * current inputs while the outputs it did not build stay from older ones, so the next plain
 * build must not answer "up to date" from it. Removed before the build starts, so a build cut
 * off after its publish cannot leave the old pointer behind.
 */
export async function forgetLastBuild(cwd: string): Promise<void> {
  await rm(join(cwd, POINTER), { force: true });
}
