/**
 * Output paths that would overwrite each other, or a file the build writes itself
 * (manifest.json, charts/: see manifest.ts, chart-step.ts; and models/, see emit-models.ts).
 * Checked twice: on the config's patterns when it is validated (config.ts), and on the
 * paths `{sector}` expands to once the dataset's sector ids are known (`expandedOutputClashes`).
 */
import { type Diagnostic, error } from '../diagnostics.js';
import type { YamlSource } from '../input/yaml.js';
import type { BuildConfig } from './config.js';
import { type PathProblem, sameFileKey } from './config-paths.js';
import { INDEX_FILE, PROVENANCE_FILE } from './manifest.js';

/** manifest.json, and the shard manifests `--shard I/N` writes beside it (build.ts). */
const RESERVED_FILE = /^manifest(?:-shard-\d+-of-\d+)?\.json$/;
/**
 * Folders of out/ the build fills itself: chart files; and models/, where older versions
 * published `--emit model` output, which a build now drops (emit-models.ts).
 */
const RESERVED_FOLDERS = ['charts', 'models'];

/** Why a document may not write `path` (one of the build's own files), or undefined. */
export function reservedOutputProblem(path: string): PathProblem | undefined {
  const key = sameFileKey(path);
  if (RESERVED_FILE.test(key)) {
    return {
      message: 'a file name other than the build manifest',
      hint: 'the build writes manifest.json (and manifest-shard-I-of-N.json) itself; name the document differently',
    };
  }
  if (key === PROVENANCE_FILE) {
    return {
      message: `a file name other than ${PROVENANCE_FILE}`,
      hint: `\`build --emit provenance\` writes out/${PROVENANCE_FILE} itself (emit-provenance.ts); name the document differently`,
    };
  }
  if (key === INDEX_FILE) {
    return {
      message: `a file name other than ${INDEX_FILE}`,
      hint: `the build writes out/${INDEX_FILE}, the page listing every output, itself (src/pipeline/index-page/; "index: false" turns it off); name the document differently`,
    };
  }
  const top = key.split('/')[0] ?? '';
  if (RESERVED_FOLDERS.includes(top)) {
    return {
      message: `a path outside ${top}/`,
      hint:
        top === 'charts'
          ? 'the build writes the chart files into out/charts/ itself; choose another folder'
          : 'a build removes out/models/ (older versions wrote --emit model output there); choose another folder',
    };
  }
  return undefined;
}

export interface OutputEntry {
  /** The document's index in `documents`, where the problem is reported. */
  index: number;
  id: string;
  /** An output path: the config's pattern, or a path `{sector}` expanded to. */
  path: string;
}

export interface OutputClash {
  index: number;
  message: string;
  hint: string;
}

/**
 * Entries that share a file, or where one entry's file is another's folder. Each clashing
 * pair of documents is reported once, at the later document, naming the earlier.
 */
export function outputClashes(entries: OutputEntry[]): OutputClash[] {
  const byKey = new Map<string, OutputEntry>();
  for (const entry of entries)
    if (!byKey.has(sameFileKey(entry.path))) byKey.set(sameFileKey(entry.path), entry);
  const clashes: OutputClash[] = [];
  const reported = new Set<string>();
  const report = (a: OutputEntry, b: OutputEntry, how: string) => {
    const [first, second] = a.index <= b.index ? [a, b] : [b, a];
    const pair = `${first.index}/${second.index}`;
    if (reported.has(pair)) return;
    reported.add(pair);
    clashes.push({
      index: second.index,
      message: `a file of its own ("${second.path}" ${how} "${first.path}" of document "${first.id}")`,
      hint: 'two outputs on one path overwrite each other; give each document its own output path',
    });
  };
  for (const entry of entries) {
    const key = sameFileKey(entry.path);
    const same = byKey.get(key);
    if (same && same !== entry)
      report(same, entry, same.path === entry.path ? 'is also' : 'is, ignoring case,');
    const parts = key.split('/');
    for (let n = 1; n < parts.length; n++) {
      const folder = byKey.get(parts.slice(0, n).join('/'));
      if (folder) report(folder, entry, 'needs as its folder the file');
    }
  }
  return clashes;
}

/**
 * After the dataset is loaded: the paths `{sector}` expands to must not meet another
 * document's output or the build's own files (a sector "manifest" with `{sector}.json`).
 */
export function expandedOutputClashes(
  config: BuildConfig,
  source: YamlSource,
  sectorIds: string[],
): Diagnostic[] {
  const entries: OutputEntry[] = config.documents.flatMap((doc, index) =>
    doc.for
      ? sectorIds.map((sector) => ({ index, id: doc.id, path: doc.output.replaceAll('{sector}', sector) }))
      : [{ index, id: doc.id, path: doc.output }],
  );
  const problems: OutputClash[] = outputClashes(entries);
  const reservedSeen = new Set<number>();
  for (const entry of entries) {
    const reserved = reservedOutputProblem(entry.path);
    if (!reserved || reservedSeen.has(entry.index)) continue;
    reservedSeen.add(entry.index);
    problems.push({
      index: entry.index,
      message: `${reserved.message} ("${entry.path}")`,
      hint: reserved.hint,
    });
  }
  return problems.map((p) => {
    const path = ['documents', p.index, 'output'];
    return error('CONFIG_INVALID', `expected ${p.message}`, {
      file: source.file,
      ...source.locate(path),
      path: `documents[${p.index}].output`,
      hint: p.hint,
    });
  });
}
