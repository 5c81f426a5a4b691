/**
 * YAML with positions: parses a file's text into plain data and keeps a way to
 * map a data path back to `line:column` for diagnostics. Never throws on bad input.
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { type Diagnostic, error } from '../diagnostics.js';

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

const MAX_ALIAS_COUNT = 100;

/** Decodes bytes as UTF-8, refusing invalid sequences instead of inserting U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; diagnostic?: Diagnostic } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return {
      diagnostic: error('FILE_NOT_UTF8', 'the file is not valid UTF-8 text', {
        file,
        line: 1,
        column: 1,
        hint: 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
      }),
    };
  }
}

export function parseYaml(text: string, file: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  if (text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    return {
      diagnostics: [
        error('FILE_EMPTY', 'the file has no content', {
          file,
          line: 1,
          column: 1,
          hint: 'see docs/dataset.md',
        }),
      ],
    };
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (list.length > 1) {
    const second = list[1]?.range[0] ?? 0;
    diagnostics.push(
      error('YAML_MULTI_DOCUMENT', 'the file holds more than one YAML document (a second `---`)', {
        file,
        ...at(second),
        hint: 'keep one document per file',
      }),
    );
  }
  const doc = list[0];
  if (!doc) {
    return { diagnostics: [error('FILE_EMPTY', 'the file has no content', { file, line: 1, column: 1 })] };
  }
  for (const e of doc.errors) {
    const code = e.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX';
    const firstLine = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.message;
    diagnostics.push(
      error(code, firstLine, {
        file,
        ...at(e.pos[0]),
        hint:
          code === 'YAML_DUPLICATE_KEY'
            ? 'each key may appear once per mapping; merge or rename the repeated one'
            : 'check indentation, colons and closing brackets or quotes on this line or the one before',
      }),
    );
  }
  if (diagnostics.length > 0) return { diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const aliasBomb = /alias/i.test(message);
    return {
      diagnostics: [
        error(
          aliasBomb ? 'YAML_ALIAS_LIMIT' : 'YAML_SYNTAX',
          aliasBomb ? 'aliases expand too often' : message,
          {
            file,
            line: 1,
            column: 1,
            hint: aliasBomb
              ? `at most ${MAX_ALIAS_COUNT} alias expansions are allowed; write the values out`
              : '',
          },
        ),
      ],
    };
  }
  return { source: makeSource(file, data, doc, at), diagnostics };
}

function makeSource(
  file: string,
  data: unknown,
  doc: Document.Parsed,
  at: (offset: number) => Position,
): YamlSource {
  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    let node: unknown = doc.contents;
    let lastFound = node;
    for (const key of path) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
      else break;
      if (node === undefined) break;
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
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (pair && isScalar(pair.key)) return at(offsetOf(pair.key));
      }
      return at(offsetOf(parent));
    },
  };
}
