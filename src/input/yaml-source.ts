/**
 * Maps between a parsed YAML document and positions: a data path → `line:column`
 * (for schema diagnostics) and an offset → data path (for YAML errors).
 */
import { type Document, isMap, isScalar, isSeq, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  file: string;
  data: unknown;
  /** Position of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[]): Position;
  /** Position of the key (not the value) at `path`, for unknown-key diagnostics. */
  locateKey(path: readonly PropertyKey[], key: string): Position;
}

/** YAML keys may be numbers or booleans; the data holds them as strings. */
function sameKey(node: unknown, key: PropertyKey): boolean {
  return isScalar(node) && String(node.value) === String(key);
}

function child(node: unknown, key: PropertyKey): unknown {
  if (isMap(node)) return node.items.find((pair) => sameKey(pair.key, key))?.value ?? undefined;
  if (isSeq(node) && typeof key === 'number') return node.items[key];
  return undefined;
}

export function makeSource(
  file: string,
  data: unknown,
  doc: Document.Parsed,
  at: (offset: number) => Position,
): YamlSource {
  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    let node: unknown = doc.contents;
    let lastFound = node;
    for (const key of path) {
      node = child(node, key);
      // A key written with no value (`name:`) has a null node: point at the key's mapping.
      if (node === undefined || node === null) break;
      lastFound = node;
    }
    return lastFound as Node | undefined;
  };
  const offsetOf = (node: Node | undefined): number => node?.range?.[0] ?? 0;
  return {
    file,
    data,
    locate: (path) => at(offsetOf(nodeAt(path))),
    locateKey: (path, key) => {
      const parent = nodeAt(path);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => sameKey(p.key, key));
        if (pair && isScalar(pair.key)) return at(offsetOf(pair.key));
      }
      return at(offsetOf(parent));
    },
  };
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  if (!range) return false;
  return offset >= range[0] && offset < Math.max(range[1], range[0] + 1);
}

/**
 * The data path of the innermost key or value covering `offset`, e.g. a duplicate
 * key's `programs[0].name`. Empty when the offset lies outside any collection item.
 */
export function pathAtOffset(doc: Document.Parsed, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => contains(p.key, offset) || contains(p.value, offset));
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      if (contains(pair.key, offset)) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, offset));
      if (index < 0) return path;
      path.push(index);
      node = node.items[index];
    } else return path;
  }
}
