/**
 * The config checks that need the dataset's sector ids: once `{sector}` is expanded, no two
 * outputs may meet (config-outputs.ts), every name must fit the file system, and no two jobs
 * may share an id (a document `sector-ai` beside the `sector-ai` a `for: sectors` document
 * makes: --only, the cache and the manifest tell jobs apart by id). Run before anything is
 * written; each problem is reported at its document's line.
 */
import { Buffer } from 'node:buffer';
import { join } from 'node:path';
import { type Diagnostic, error } from '../diagnostics.js';
import type { YamlSource } from '../input/yaml.js';
import type { BuildConfig, DocumentConfig } from './config.js';
import { expandedOutputClashes } from './config-outputs.js';
import { MAX_NAME_BYTES } from './config-paths.js';
import { GENERATION_PREFIX, IN_PLACE_PREFIX, STAGING_PREFIX, stateDirFor } from './out-layout.js';

/** The longest path the system calls take, in bytes (PATH_MAX less its NUL; macOS has 1024). */
export const MAX_PATH_BYTES = process.platform === 'darwin' ? 1023 : 4095;

/** The longest suffix publish.ts gives a folder name: `<pid, up to 10 digits>-<8 hex>`. */
const LONGEST_SUFFIX = 'x'.repeat(10 + 1 + 8);

interface Expanded {
  index: number;
  doc: DocumentConfig;
  /** The job id (planDocuments in jobs.ts names them the same way). */
  id: string;
  sector?: string;
  output: string;
}

function expand(config: BuildConfig, sectorIds: readonly string[]): Expanded[] {
  return config.documents.flatMap((doc, index) =>
    doc.for === 'sectors'
      ? sectorIds.map((sector) => ({
          index,
          doc,
          id: `${doc.id}-${sector}`,
          sector,
          output: doc.output.replaceAll('{sector}', sector),
        }))
      : [{ index, doc, id: doc.id, output: doc.output }],
  );
}

/**
 * The longest of the paths an output is written at: in a generation folder beside out/, or
 * in the staging folder inside an out/ that is a mount point (out-layout.ts).
 */
function longestPathBytes(outDir: string, output: string): number {
  const generation = join(stateDirFor(outDir), 'generations', `${GENERATION_PREFIX}legacy-${LONGEST_SUFFIX}`);
  const inPlace = join(outDir, `${IN_PLACE_PREFIX}${STAGING_PREFIX}${LONGEST_SUFFIX}`);
  return Math.max(Buffer.byteLength(join(generation, output)), Buffer.byteLength(join(inPlace, output)));
}

/** The start of a long path for a message, cut between characters. */
const head = (path: string) => Array.from(path).slice(0, 40).join('');

interface Problem {
  index: number;
  field: 'id' | 'output';
  message: string;
  hint: string;
}

function lengthProblem(entry: Expanded, outDir: string): Problem | undefined {
  const long = entry.output.split('/').find((name) => Buffer.byteLength(name) > MAX_NAME_BYTES);
  if (long !== undefined) {
    return {
      index: entry.index,
      field: 'output',
      message: `file and folder names of at most ${MAX_NAME_BYTES} bytes ("${head(entry.output)}…" has one of ${Buffer.byteLength(long)}${entry.sector === undefined ? '' : ` for sector "${entry.sector}"`})`,
      hint: 'file systems take names of at most 255 bytes; shorten the fixed part of the output name',
    };
  }
  const bytes = longestPathBytes(outDir, entry.output);
  if (bytes <= MAX_PATH_BYTES) return undefined;
  return {
    index: entry.index,
    field: 'output',
    message: `a shorter output path ("${head(entry.output)}…" is written at a path of ${bytes} bytes, over the ${MAX_PATH_BYTES} the system takes)`,
    hint: 'use fewer or shorter folder names in the output path, or a project folder nearer the root',
  };
}

/** Two jobs with one id; reported at the document whose id is written as it clashes, else the later one. */
function idProblem(first: Expanded, second: Expanded): Problem {
  const at = second.sector === undefined || first.sector !== undefined ? second : first;
  const other = at === second ? first : second;
  const own = at.sector === undefined ? `"${at.id}"` : `its id for sector "${at.sector}", "${at.id}",`;
  return {
    index: at.index,
    field: 'id',
    message: `a document id of its own (${own} is also the id of document "${other.doc.id}" for sector "${other.sector}")`,
    hint: 'a "for: sectors" document has the id <id>-<sector> for each sector; --only, the cache and the manifest tell documents apart by id, so rename one of them',
  };
}

export function checkExpandedConfig(
  cwd: string,
  config: BuildConfig,
  source: YamlSource,
  sectorIds: readonly string[],
): Diagnostic[] {
  const clashes = expandedOutputClashes(config, source, [...sectorIds]);
  if (clashes.length > 0) return clashes;
  const outDir = join(cwd, config.out);
  const problems: Problem[] = [];
  const reported = new Set<number>();
  const byId = new Map<string, Expanded>();
  for (const entry of expand(config, sectorIds)) {
    const same = byId.get(entry.id);
    if (same) problems.push(idProblem(same, entry));
    else byId.set(entry.id, entry);
    if (reported.has(entry.index)) continue;
    const long = lengthProblem(entry, outDir);
    if (long) {
      problems.push(long);
      reported.add(entry.index);
    }
  }
  return problems.map((p) => {
    const path = ['documents', p.index, p.field];
    return error('CONFIG_INVALID', `expected ${p.message}`, {
      file: source.file,
      ...source.locate(path),
      path: `documents[${p.index}].${p.field}`,
      hint: p.hint,
    });
  });
}
