/**
 * Whether the folder the config names as `out` is one a build may replace: each build swaps
 * out/ whole (out-layout.ts), so whatever is there is gone afterwards. Checked on the file
 * system before anything is written, and reported at the `out` line.
 *
 * A **briefkit out/** is, precisely, an `out` path that is one of:
 * - absent (the build creates it);
 * - the link briefkit itself made, into its generations folder (`.briefkit/<out>/generations/`);
 * - a folder (or the user's own link to one, e.g. a mount point) that is empty (a fresh file
 *   system's `lost+found` and briefkit's own `.briefkit-…` staging entries aside), that holds a
 *   briefkit manifest (`manifest.json` or a shard's `manifest-shard-I-of-N.json`: a JSON object
 *   with a numeric `manifestVersion`, a `briefkitVersion` and an `outputs` list), or whose
 *   publish was cut off (a journal in its state folder, completed at the next start), or that
 *   holds only `models/*.model.json` (what `--emit model` of older versions published).
 * Anything else (a file, the config itself, a folder of other files) is refused.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { type Diagnostic, error, formatPath } from '../diagnostics.js';
import type { YamlSource } from '../input/yaml.js';
import type { BuildConfig } from './config.js';
import { IN_PLACE_PREFIX, stateDirFor } from './out-layout.js';

const MANIFEST_NAME = /^manifest(?:-shard-\d+-of-\d+)?\.json$/;
/** What a fresh ext2/3/4 file system holds at its root: a mount point used as out/ has it. */
const FILE_SYSTEM_ENTRIES = new Set(['lost+found']);

const KEEP_APART_HINT =
  'each build replaces the out folder whole; name a folder of its own that is absent, empty or made by an earlier build, e.g. "out"';

function isBriefkitManifest(file: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!parsed || typeof parsed !== 'object') return false;
    const m = parsed as Record<string, unknown>;
    return (
      typeof m.manifestVersion === 'number' &&
      typeof m.briefkitVersion === 'string' &&
      Array.isArray(m.outputs)
    );
  } catch {
    return false;
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Older briefkit versions published `--emit model` runs as out/models/<id>.model.json alone. */
function onlyModels(dir: string): boolean {
  const entries = readdirSync(dir, { withFileTypes: true });
  return entries.length > 0 && entries.every((e) => e.isFile() && e.name.endsWith('.model.json'));
}

/** Why the folder `dir` (followed through links) is not a briefkit out/, or undefined. */
function folderProblem(dir: string, outDir: string): string | undefined {
  const entries = readdirSync(dir).filter(
    (name) => !name.startsWith(IN_PLACE_PREFIX) && !FILE_SYSTEM_ENTRIES.has(name),
  );
  if (entries.length === 0) return undefined;
  if (entries.some((name) => MANIFEST_NAME.test(name) && isBriefkitManifest(join(dir, name))))
    return undefined;
  if (existsSync(join(stateDirFor(outDir), 'publish.json'))) return undefined;
  if (entries.length === 1 && entries[0] === 'models' && onlyModels(join(dir, 'models'))) return undefined;
  const count = `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`;
  return `is a folder with ${count} and no briefkit manifest (manifest.json), so not one a build made`;
}

/** Why `outDir` may not be replaced by a build, or undefined. */
function outProblem(outDir: string, configFile: string): string | undefined {
  try {
    return existingOutProblem(outDir, configFile);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return 'lies inside a file, not a folder';
    return `cannot be read (${code ?? String(cause)})`;
  }
}

function existingOutProblem(outDir: string, configFile: string): string | undefined {
  const info = lstatSync(outDir, { throwIfNoEntry: false });
  if (!info) return undefined;
  if (resolve(outDir) === resolve(configFile)) return 'is the config file itself';
  if (info.isSymbolicLink()) {
    const target = resolve(dirname(outDir), readlinkSync(outDir));
    if (isInside(join(stateDirFor(outDir), 'generations'), target)) return undefined;
    const followed = statSync(outDir, { throwIfNoEntry: false });
    if (!followed?.isDirectory()) return 'is a link to something that is not a folder';
    return folderProblem(outDir, outDir);
  }
  if (!info.isDirectory()) return 'is a file, not a folder';
  return folderProblem(outDir, outDir);
}

/** The `out` folder's problem as a diagnostic at its config line (the project is `cwd`). */
export function checkOutFolder(cwd: string, config: BuildConfig, source: YamlSource): Diagnostic[] {
  const problem = outProblem(join(cwd, config.out), source.file);
  if (!problem) return [];
  return [
    error('CONFIG_INVALID', `the out folder "${config.out}" ${problem}`, {
      file: source.file,
      ...source.locate(['out']),
      path: formatPath(['out']),
      hint: KEEP_APART_HINT,
    }),
  ];
}
