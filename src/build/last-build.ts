/**
 * A pointer from a config file to the out/ folder its last build wrote, so a no-op build
 * can find the manifest without parsing the config (no yaml or zod import on the fast path).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const POINTER = join('.briefkit', 'last-build.json');

interface Pointer {
  configFile: string;
  outDir: string;
}

export async function readLastBuild(cwd: string, configFile: string): Promise<string | undefined> {
  try {
    const pointer = JSON.parse(await readFile(join(cwd, POINTER), 'utf8')) as Partial<Pointer>;
    return pointer.configFile === configFile && typeof pointer.outDir === 'string'
      ? pointer.outDir
      : undefined;
  } catch {
    return undefined;
  }
}

export async function writeLastBuild(cwd: string, configFile: string, outDir: string): Promise<void> {
  await mkdir(join(cwd, '.briefkit'), { recursive: true });
  await writeFile(join(cwd, POINTER), `${JSON.stringify({ configFile, outDir })}\n`);
}
