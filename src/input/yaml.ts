/**
 * YAML with positions: parses a file's text into plain data and keeps a way to
 * map a data path back to `line:column` for diagnostics. Never throws on bad input.
 */
import { Composer, type CST, type Document, isCollection, isScalar, LineCounter, Parser, visit } from 'yaml';
import { type Diagnostic, error } from '../diagnostics.js';
import { tagTokens, unclosedOpeners } from './yaml-cst.js';
import { isStackOverflow, tooDeep, yamlErrorDiagnostics } from './yaml-errors.js';
import { makeSource, type Position, type YamlSource } from './yaml-source.js';
import { tagDiagnostics } from './yaml-tags.js';

export { decodeUtf8, firstInvalidUtf8 } from './utf8.js';
export type { Position, YamlSource } from './yaml-source.js';

const MAX_ALIAS_COUNT = 100;

function emptyFile(file: string): Diagnostic {
  return error('FILE_EMPTY', 'the file holds no data (it is blank or only comments)', {
    file,
    line: 1,
    column: 1,
    hint: 'a dataset starts with `meta:`; see docs/dataset.md for a minimal example',
  });
}

/**
 * A lone CR (old Mac line endings) is a line break in YAML, but the yaml library reads it as
 * part of a line: `a: 1\rb: 2` would be one key. One character for one, so offsets stay true.
 */
function normaliseLineBreaks(text: string): string {
  return text.replace(/\r(?!\n)/g, '\n');
}

export function parseYaml(raw: string, file: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const text = normaliseLineBreaks(raw);
  if (/^(\s*#[^\n]*\n?)*\s*$/.test(text)) return { diagnostics: [emptyFile(file)] };
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let tokens: CST.Token[];
  let list: Document.Parsed[];
  try {
    // The CST is kept: it shows where an unclosed bracket was opened and where tags are written.
    tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
    // schema 'core' even under a `%YAML 1.1` directive, which would read `yes` as true and
    // 2025-07-15 as a Date; logLevel 'error': the library would otherwise print warnings itself.
    const composer = new Composer({
      uniqueKeys: true,
      prettyErrors: false,
      logLevel: 'error',
      schema: 'core',
    });
    list = [...composer.compose(tokens)];
  } catch (cause) {
    return { diagnostics: [unreadable(cause, file)] };
  }
  const doc = list[0];
  // A lone `---` or `~` parses as an empty (null) document: as empty as a blank file.
  if (!doc || doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { diagnostics: [emptyFile(file)] };
  }
  const diagnostics: Diagnostic[] = [];
  if (list.length > 1) {
    const second = list[1]?.range[0] ?? 0;
    diagnostics.push(
      error('YAML_MULTI_DOCUMENT', 'the file holds more than one YAML document (a second `---`)', {
        file,
        ...at(second),
        hint: 'keep one dataset per file: remove the `---` line and what follows, or split the file',
      }),
    );
  }
  diagnostics.push(
    ...yamlErrorDiagnostics(doc.errors, doc, file, at, () => unclosedOpeners(tokens)),
    ...collectionKeys(doc, file, at),
    ...tagDiagnostics(doc, text.includes('!') ? tagTokens(tokens) : [], text, file, at),
  );
  if (diagnostics.length > 0) return { diagnostics };
  const converted = toData(doc, file, at);
  if (converted.diagnostic) return { diagnostics: [converted.diagnostic] };
  return { source: makeSource(file, converted.data, doc, at), diagnostics };
}

/** Converts the document to plain data, turning alias problems into diagnostics. */
function toData(
  doc: Document.Parsed,
  file: string,
  at: (offset: number) => Position,
): { data?: unknown; diagnostic?: Diagnostic } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const unresolved = /unresolved alias[^:]*: ?(.*)$/i.exec(message);
    const alias = firstAlias(doc, unresolved?.[1]);
    const where = alias ? at(alias.offset) : { line: 1, column: 1 };
    if (isStackOverflow(message)) return { diagnostic: tooDeep(file, where) };
    if (/excessive alias count/i.test(message)) {
      return {
        diagnostic: error('YAML_ALIAS_LIMIT', 'aliases (*name) expand to too many copies of their anchors', {
          file,
          ...where,
          hint: `at most ${MAX_ALIAS_COUNT} alias expansions are allowed; write the values out`,
        }),
      };
    }
    if (unresolved) {
      const name = unresolved[1] ?? '';
      return {
        diagnostic: error('YAML_SYNTAX', `the alias *${name} refers to no anchor &${name} before it`, {
          file,
          ...where,
          hint: 'a value starting with * is read as an alias: put text like *this* in double quotes',
        }),
      };
    }
    return { diagnostic: unreadable(cause, file, where) };
  }
}

/** `? [a, b]: c` is legal YAML, but no dataset key is a list or mapping. */
function collectionKeys(doc: Document.Parsed, file: string, at: (offset: number) => Position): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (!isCollection(pair.key)) return;
      found.push(
        error('YAML_SYNTAX', 'a key must be plain text, not a list or mapping', {
          file,
          ...at(pair.key.range?.[0] ?? 0),
          hint: 'write keys as name: value; a line starting with "? " makes a complex key',
        }),
      );
    },
  });
  return found;
}

/** The first alias in the document, or the first one named `name`. */
function firstAlias(doc: Document.Parsed, name?: string): { offset: number } | undefined {
  let found: { offset: number } | undefined;
  visit(doc, {
    Alias(_, node) {
      if (name !== undefined && node.source !== name) return;
      found = { offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
}

function unreadable(cause: unknown, file: string, where: Position = { line: 1, column: 1 }): Diagnostic {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (isStackOverflow(message)) return tooDeep(file, where);
  return error('YAML_SYNTAX', `the YAML could not be read: ${message.split('\n')[0] ?? ''}`, {
    file,
    ...where,
    hint: 'check the file is a YAML mapping; see docs/dataset.md',
  });
}
