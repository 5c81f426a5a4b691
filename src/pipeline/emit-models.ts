/**
 * `--emit model`: each selected document's model as JSON (`<id>.model.json`) and its asset bag
 * as references (`<id>.assets.json`): everything a writer is given, without rendering.
 *
 * The models go beside out/, into its state folder (`.briefkit/<out>/models/`), never into
 * out/: out/ only ever holds one complete build, every file of it listed in its manifest,
 * and a run that renders nothing is not a build (its models would sit beside outputs made
 * from other inputs, and be carried from build to build with no manifest entry). Each run
 * replaces the models folder whole, so a document removed from the config leaves no model.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { assetReferences, type ChartJob } from './chart-step.js';
import type { PlannedJob } from './jobs.js';
import { stateDirFor } from './out-layout.js';
import type { ProgressReporter } from './progress.js';

const MODELS = 'models';
/** Folders a run makes beside the models folder while it writes; a killed run leaves them. */
const TEMPORARY = /^models-(?:staging|old)-/;

export function modelsDirFor(outDir: string): string {
  return join(stateDirFor(outDir), MODELS);
}

/** Writes the models of the selected documents; returns their job ids. Called holding the build lock. */
export async function writeModels(
  outDir: string,
  selected: readonly PlannedJob[],
  charts: readonly ChartJob[],
  progress: ProgressReporter,
): Promise<string[]> {
  const dir = modelsDirFor(outDir);
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const leftovers = (await readdir(parent)).filter((name) => TEMPORARY.test(name));
  await Promise.all(leftovers.map((name) => rm(join(parent, name), { recursive: true, force: true })));
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(parent, `${MODELS}-staging-${suffix}`);
  const old = join(parent, `${MODELS}-old-${suffix}`);
  await mkdir(staging);
  try {
    const built: string[] = [];
    for (const job of selected) {
      if (job.kind !== 'document') continue;
      // Job ids are lower-case letters, digits and hyphens (config.ts): a safe file name.
      await writeFile(join(staging, `${job.id}.model.json`), `${JSON.stringify(job.model.model, null, 2)}\n`);
      // Its asset bag as references (mime, chart, path), so the emitted files are all a writer sees.
      const assets = assetReferences(job.model.model, charts);
      await writeFile(join(staging, `${job.id}.assets.json`), `${JSON.stringify(assets, null, 2)}\n`);
      built.push(job.id);
      progress.done(job.id, 'built', `${job.id}.model.json`);
    }
    await rename(dir, old).catch((cause: NodeJS.ErrnoException) => {
      if (cause.code !== 'ENOENT') throw cause;
    });
    await rename(staging, dir);
    await rm(old, { recursive: true, force: true });
    return built;
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw cause;
  } finally {
    progress.finish();
  }
}

/**
 * Files under out/models/ in the current build: only `--emit model` of an older briefkit
 * wrote there (no document may: config-outputs.ts), so a build drops them rather than carry them.
 */
export async function legacyModelFiles(current: string | undefined): Promise<string[]> {
  if (current === undefined) return [];
  const entries = await readdir(join(current, MODELS), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(current, join(e.parentPath, e.name)).split(sep).join('/'));
}
