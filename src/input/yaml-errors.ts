/**
 * YAML parser errors → diagnostics an analyst can act on: the yaml library's
 * message, the position, the data path where it can be found, and a hint per error kind.
 */
import type { Document, YAMLError } from 'yaml';
import { type Diagnostic, error, formatPath } from '../diagnostics.js';
import { closingChar, type Opener, type OpenerChar } from './yaml-cst.js';
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

/** What to do about a bracket or quote that is never closed. */
const OPENER_HINTS: Record<OpenerChar, string> = {
  '[': 'end the list with ] on the line where it starts, e.g. [ai, chips]; if the [ is part of a text, put the text in double quotes',
  '{': 'end the mapping with } on the line where it starts, e.g. { amount: 6.8, currency: EUR }; if the { is part of a text, put the text in double quotes',
  '"': 'end the text with a closing "; a " inside the text is written \\"',
  "'": "end the text with a closing '; a ' inside the text is written ''",
};

/** The bracket or quote an error message says is missing its closing character. */
function missingCloser(message: string): OpenerChar | undefined {
  if (/^Flow sequence\b/.test(message)) return '[';
  if (/^Flow map\b/.test(message)) return '{';
  if (/closing "quote/.test(message)) return '"';
  if (/closing 'quote/.test(message)) return "'";
  return undefined;
}

/**
 * A syntax error caused by a bracket or quote opened earlier (the parser notices it where the
 * text stops making sense, often lines later) names where that bracket or quote was opened.
 */
function withOpener(
  diagnostic: Diagnostic,
  offset: number,
  openers: readonly Opener[],
  at: (offset: number) => Position,
): Diagnostic {
  const before = openers.filter((o) => o.offset < offset);
  const closer = missingCloser(diagnostic.message);
  const opened = (o: Opener) => {
    const where = at(o.offset);
    return `the ${o.char} opened at ${where.line}:${where.column} is never closed`;
  };
  if (closer) {
    const opener = before.findLast((o) => o.char === closer);
    if (opener) return { ...diagnostic, message: opened(opener), hint: OPENER_HINTS[opener.char] };
    return diagnostic;
  }
  // Past an unclosed bracket or quote the parser reads the text differently: later errors
  // may be only that (lines after `keywords: [ai` read as part of the list).
  const around = before.at(-1);
  if (!around) return diagnostic;
  return {
    ...diagnostic,
    hint: `this may follow from an earlier mistake: ${opened(around)} (add its ${closingChar(around.char)} first)`,
  };
}

export function yamlErrorDiagnostics(
  errors: readonly YAMLError[],
  doc: Document.Parsed,
  file: string,
  at: (offset: number) => Position,
  findOpeners: () => readonly Opener[] = () => [],
): Diagnostic[] {
  const overflow = errors.find((e) => isStackOverflow(e.message));
  if (overflow) return [tooDeep(file, at(overflow.pos[0]))];
  const diagnostics: Diagnostic[] = [];
  let openers: readonly Opener[] | undefined;
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
    openers ??= findOpeners();
    const plain = error('YAML_SYNTAX', firstLine(e.message), {
      file,
      ...at(e.pos[0]),
      hint: HINTS[e.code] ?? DEFAULT_HINT,
    });
    diagnostics.push(withOpener(plain, e.pos[0], openers, at));
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
