/**
 * YAML tags (`!shell ls`, `!!binary …`, `!!timestamp …`) are refused: an input file holds
 * plain data. The yaml library reads an unknown tag as plain text with only a warning, and a
 * known one (binary, set, timestamp) as a Buffer, Set or Date, which no schema expects.
 * The tags of the YAML 1.2 core schema (`!!str 2025` to keep a number as text) are allowed.
 */
import { type Document, isNode, isScalar, type Node, visit } from 'yaml';
import { type Diagnostic, error, formatPath } from '../diagnostics.js';
import type { TagToken } from './yaml-cst.js';
import { type Position, pathAtOffset } from './yaml-source.js';

const CORE = 'tag:yaml.org,2002:';
const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => CORE + t));

/** The tag as written: a resolved `tag:yaml.org,2002:binary` was written `!!binary`. */
function written(tag: string): string {
  return tag.startsWith(CORE) ? `!!${tag.slice(CORE.length)}` : tag;
}

export function tagDiagnostics(
  doc: Document.Parsed,
  tags: readonly TagToken[],
  text: string,
  file: string,
  at: (offset: number) => Position,
): Diagnostic[] {
  if (tags.length === 0) return [];
  const found: Diagnostic[] = [];
  visit(doc, (_, node) => {
    if (!isNode(node) || node.tag === undefined || ALLOWED_TAGS.has(node.tag)) return;
    found.push(refused(node, tags, doc, text, file, at));
  });
  return found;
}

function refused(
  node: Node,
  tags: readonly TagToken[],
  doc: Document.Parsed,
  text: string,
  file: string,
  at: (offset: number) => Position,
): Diagnostic {
  const start = node.range?.[0] ?? 0;
  // A node's tag is the last one written before it: only its anchor, spaces or comments lie between.
  const token = tags.findLast((t) => t.offset <= start);
  const shown = token?.source ?? written(node.tag ?? '');
  const path = pathAtOffset(doc, start);
  const value = isScalar(node) && node.range ? text.slice(token?.offset ?? start, node.range[1]).trim() : '';
  const literal = value && !value.includes('\n') ? `: ${JSON.stringify(value)}` : '';
  return error('YAML_TAG', `the YAML tag ${shown} is not allowed: the file holds plain values only`, {
    file,
    ...at(token?.offset ?? start),
    ...(path.length > 0 ? { path: formatPath(path) } : {}),
    hint: `remove ${shown}; if the text is meant as written, put all of it in double quotes${literal}`,
  });
}
