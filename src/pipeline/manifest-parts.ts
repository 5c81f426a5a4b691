/**
 * The partial manifests `briefkit merge-manifests` joins, read and checked with positions:
 * through the input guard (a FIFO or a huge file is refused before it is read), as JSON in
 * the manifest's shape, and every output they name a plain file inside out/ (no "..", no
 * absolute path, no symbolic link on the way: out-paths.ts) that matches its entry. A merged
 * manifest must describe the out/ it is written into, file for file.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Diagnostic, error } from '../diagnostics.js';
import { readInputFile } from '../input/read-file.js';
import { decodeUtf8 } from '../input/utf8.js';
import { parseYaml, type YamlSource } from '../input/yaml.js';
import { sha256 } from './hash.js';
import { isManifest, MANIFEST_VERSION, MAX_MANIFEST_BYTES, type Manifest } from './manifest.js';
import { unsafeOutPath } from './out-paths.js';

type DataPath = (string | number)[];

export interface PartialManifest {
  /** The file as the user named it. */
  file: string;
  manifest: Manifest;
  /** Line and column of a value in the file (JSON is YAML: the YAML positions serve). */
  locate(path: DataPath): { line?: number; column?: number };
}

const NOT_A_PART_HINT =
  'give the manifest-shard-<i>-of-<n>.json files that `briefkit build --shard i/n` wrote, unedited';

function positionsOf(text: string, file: string): (path: DataPath) => { line?: number; column?: number } {
  let source: YamlSource | undefined | null = null;
  return (path) => {
    // Parsed only when a problem needs a position: a large manifest is not parsed twice for nothing.
    if (source === null) source = parseYaml(text, file).source;
    return source ? source.locate(path) : {};
  };
}

/** `at position 123` in JSON.parse's message, as a line and column. */
function jsonErrorPosition(cause: unknown, text: string): { line?: number; column?: number } {
  const message = cause instanceof Error ? cause.message : '';
  // "Unexpected end of JSON input": the file stops early, so the problem is at its end.
  const offset = /end of JSON/.test(message) ? text.length : /at position (\d+)/.exec(message)?.[1];
  if (offset === undefined) return {};
  const before = text.slice(0, Number(offset)).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** The first field of an output entry that is not of its type, if any. */
function badOutputField(output: unknown): string | undefined {
  if (!output || typeof output !== 'object') return '';
  const o = output as Record<string, unknown>;
  for (const key of ['path', 'job', 'sha256', 'key'] as const) if (typeof o[key] !== 'string') return key;
  if (typeof o.bytes !== 'number' || !Number.isInteger(o.bytes) || o.bytes < 0) return 'bytes';
  return undefined;
}

/** Reads one partial manifest (`absolute`, named `shown` in messages). */
export async function readPartialManifest(
  absolute: string,
  shown: string,
): Promise<{ part?: PartialManifest; diagnostics: Diagnostic[] }> {
  const read = await readInputFile(absolute, { maxBytes: MAX_MANIFEST_BYTES });
  if (!read.bytes) return { diagnostics: read.diagnostic ? [{ ...read.diagnostic, file: shown }] : [] };
  const decoded = decodeUtf8(read.bytes, shown);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostic ? [decoded.diagnostic] : [] };
  const text = decoded.text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    const where = { file: shown, ...jsonErrorPosition(cause, text), hint: NOT_A_PART_HINT };
    return {
      diagnostics: [error('MANIFEST_INVALID', 'this is not JSON, so not a briefkit manifest', where)],
    };
  }
  const locate = positionsOf(text, shown);
  if (!isManifest(data)) {
    const version = (data as { manifestVersion?: unknown } | null)?.manifestVersion;
    const message =
      version === undefined
        ? 'this is not a briefkit manifest (it has no manifestVersion, outputs and inputFiles)'
        : `this is not a manifest of version ${MANIFEST_VERSION} with outputs and inputFiles`;
    return {
      diagnostics: [
        error('MANIFEST_INVALID', message, { file: shown, ...locate([]), hint: NOT_A_PART_HINT }),
      ],
    };
  }
  const diagnostics = data.outputs.flatMap((output, i): Diagnostic[] => {
    const field = badOutputField(output);
    if (field === undefined) return [];
    const path = field ? ['outputs', i, field] : ['outputs', i];
    return [
      error('MANIFEST_INVALID', `this output entry has no valid "${field || 'path'}"`, {
        file: shown,
        ...locate(path),
        path: field ? `outputs[${i}].${field}` : `outputs[${i}]`,
        hint: NOT_A_PART_HINT,
      }),
    ];
  });
  if (diagnostics.length > 0) return { diagnostics };
  return { part: { file: shown, manifest: data, locate }, diagnostics: [] };
}

const COPY_HINT =
  'copy every shard’s out/ into this out/ before merging (README.md, "Sharding across machines"), then merge again';

/** Why the output `relative` is not a plain file in `outDir` matching its entry, or undefined. */
async function outputProblem(
  outDir: string,
  output: Manifest['outputs'][number],
): Promise<
  { code: 'MANIFEST_UNSAFE_PATH' | 'MANIFEST_OUTPUT_MISMATCH'; message: string; hint: string } | undefined
> {
  const relative = output.path;
  const unsafe = unsafeOutPath(relative);
  const written = `"${relative}"`;
  if (unsafe) {
    return {
      code: 'MANIFEST_UNSAFE_PATH',
      message: `${written} ${unsafe}`,
      hint: 'a manifest names files inside out/ only: merge the shard manifests as their builds wrote them',
    };
  }
  const segments = relative.split('/');
  let current = outDir;
  for (const [i, segment] of segments.entries()) {
    current = join(current, segment);
    const info = await lstat(current).catch(() => undefined);
    const reached = `out/${segments.slice(0, i + 1).join('/')}`;
    if (!info)
      return { code: 'MANIFEST_OUTPUT_MISMATCH', message: `out/${relative} is not in out/`, hint: COPY_HINT };
    if (info.isSymbolicLink()) {
      return {
        code: 'MANIFEST_UNSAFE_PATH',
        message: `${written} goes through the symbolic link ${reached}`,
        hint: 'briefkit never follows links inside out/: put the files themselves there',
      };
    }
    const last = i === segments.length - 1;
    if (last ? !info.isFile() : !info.isDirectory()) {
      return {
        code: 'MANIFEST_OUTPUT_MISMATCH',
        message: `${reached} is not a plain ${last ? 'file' : 'folder'}`,
        hint: COPY_HINT,
      };
    }
    if (last && (info.size !== output.bytes || sha256(await readFile(current)) !== output.sha256)) {
      return {
        code: 'MANIFEST_OUTPUT_MISMATCH',
        message: `out/${relative} is not the file this entry describes (its size or sha256 differ)`,
        hint: 'copy the out/ of the shard that built it together with its manifest, then merge again',
      };
    }
  }
  return undefined;
}

/** Every output of `part` that is not a plain, matching file inside `outDir`, at its position. */
export async function checkOutputsInOut(outDir: string, part: PartialManifest): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const [i, output] of part.manifest.outputs.entries()) {
    const problem = await outputProblem(outDir, output);
    if (!problem) continue;
    diagnostics.push(
      error(problem.code, problem.message, {
        file: part.file,
        ...part.locate(['outputs', i, 'path']),
        path: `outputs[${i}].path`,
        hint: problem.hint,
      }),
    );
  }
  return diagnostics;
}
