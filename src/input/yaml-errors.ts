/**
 * YAML parser errors → diagnostics an analyst can act on: the yaml library's
 * message, the position, the data path where it can be found, and a hint per error kind.
 */
import type { Document, YAMLError } from 'yaml';
import { type Diagnostic, error, formatPath } from '../diagnostics.js';
import { type Position, pathAtOffset } from './yaml-source.js';

/** A syntax error often cascades; past this many, the rest are summarised in one line. */
const MAX_SYNTAX_ERRORS = 10;

const QUOTE_IT = 'put the whole text in double quotes, e.g. title: "Plan: phase 2"';

/** Hints by the yaml library's error code. */
const HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces: YAML does not allow tabs for indentation',
  BLOCK_AS_IMPLICIT_KEY: `a value containing ": " reads as a new key; ${QUOTE_IT}`,
  MULTILINE_IMPLICIT_KEY: `a key must fit on one line; if this line is a value, ${QUOTE_IT}`,
  BAD_SCALAR_START: 'a value may not start with ` @ | > % or similar characters; put it in double quotes',
  MISSING_CHAR: 'a quote or bracket is not closed: check this line and the ones before it',
  BAD_INDENT:
    'check the indentation (items of one list or mapping start in the same column) and that every { [ or quote opened above is closed',
  UNEXPECTED_TOKEN: 'check indentation, colons and closing brackets or quotes on this line or the one before',
  BAD_DQ_ESCAPE:
    'inside double quotes a backslash starts an escape: write \\\\ for a backslash, or use single quotes',
};
const DEFAULT_HINT =
  'check indentation, colons and closing brackets or quotes on this line or the one before';
const TOO_DEEP_HINT = 'a dataset nests at most a few levels; check for runaway brackets or indentation';

/** True for a JavaScript stack overflow, which the parser reports for absurdly deep nesting. */
export function isStackOverflow(message: string): boolean {
  return /call stack/i.test(message);
}

export function tooDeep(file: string, where: Position): Diagnostic {
  return error('YAML_TOO_DEEP', 'values are nested too deeply to read', {
    file,
    ...where,
    hint: TOO_DEEP_HINT,
  });
}

export function yamlErrorDiagnostics(
  errors: readonly YAMLError[],
  doc: Document.Parsed,
  file: string,
  at: (offset: number) => Position,
): Diagnostic[] {
  const overflow = errors.find((e) => isStackOverflow(e.message));
  if (overflow) return [tooDeep(file, at(overflow.pos[0]))];
  const diagnostics: Diagnostic[] = [];
  let syntaxErrors = 0;
  let firstHidden: Position | undefined;
  for (const e of errors) {
    if (e.code === 'DUPLICATE_KEY') {
      diagnostics.push(duplicateKey(e, doc, file, at));
      continue;
    }
    syntaxErrors++;
    if (syntaxErrors === MAX_SYNTAX_ERRORS + 1) firstHidden = at(e.pos[0]);
    if (syntaxErrors > MAX_SYNTAX_ERRORS) continue;
    diagnostics.push(
      error('YAML_SYNTAX', firstLine(e.message), {
        file,
        ...at(e.pos[0]),
        hint: HINTS[e.code] ?? DEFAULT_HINT,
      }),
    );
  }
  if (syntaxErrors > MAX_SYNTAX_ERRORS) {
    const rest = syntaxErrors - MAX_SYNTAX_ERRORS;
    diagnostics.push(
      error('YAML_SYNTAX', `${rest} more syntax error${rest === 1 ? '' : 's'} not shown, from here on`, {
        file,
        ...firstHidden,
        hint: 'fix the first errors: later ones often follow from them',
      }),
    );
  }
  return diagnostics;
}

function duplicateKey(
  e: YAMLError,
  doc: Document.Parsed,
  file: string,
  at: (offset: number) => Position,
): Diagnostic {
  const path = pathAtOffset(doc, e.pos[0]);
  const key = path.at(-1);
  return error('YAML_DUPLICATE_KEY', key === undefined ? 'duplicate key' : `duplicate key "${key}"`, {
    file,
    ...at(e.pos[0]),
    ...(path.length > 0 ? { path: formatPath(path) } : {}),
    hint: 'each key may appear once per record; keep one of them (the other is an earlier line)',
  });
}

/** The yaml library's message without its own position suffix and code excerpt. */
function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
