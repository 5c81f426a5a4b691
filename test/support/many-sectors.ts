/**
 * A stress dataset: the shipped dataset with its sectors repeated to `count`, every name (and
 * short name) about `stretch` times as long and unique. The shipped sectors keep their
 * programmes, targets and indicators; the copies have none, so the dataset stays valid and
 * only what lists or counts sectors grows (src/bench/variants.ts copies the links too, for the
 * one-pager benchmark).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

interface SectorRecord {
  id: string;
  name: string;
  shortName?: string;
}

/** `text` made about `stretch` times as long, still ending in something unique to `n`. */
function stretched(text: string, stretch: number, n: number): string {
  const words = ['regional', 'industrial', 'strategic', 'applied', 'advanced', 'national', 'allied'];
  let out = `${text} ${n}`;
  for (let i = 0; out.length < text.length * stretch; i++) out += ` ${words[(n + i) % words.length]}`;
  return out;
}

export function manySectorsDataset(datasetFile: string, count: number, stretch = 3): string {
  const data = parse(readFileSync(datasetFile, 'utf8')) as {
    meta: Record<string, unknown>;
    sectors: SectorRecord[];
  };
  // The copy is written elsewhere: its quotes are still checked against the shipped sources.
  data.meta.sourceFolder = resolve(dirname(datasetFile), String(data.meta.sourceFolder ?? 'sources'));
  const originals = data.sectors;
  data.sectors = Array.from({ length: count }, (_, i) => {
    const base = originals[i % originals.length] as SectorRecord;
    const copy = i < originals.length ? base : { ...base, id: `${base.id}-${i + 1}` };
    return {
      ...copy,
      name: stretched(base.name, stretch, i + 1),
      ...(base.shortName ? { shortName: stretched(base.shortName, stretch, i + 1) } : {}),
    };
  });
  return stringify(data, { lineWidth: 0, aliasDuplicateObjects: false });
}
