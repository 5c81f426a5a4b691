/**
 * One walk over a parsed Handlebars template before it is compiled:
 * - literal text gets position markers (see positions.ts);
 * - field paths used as helper arguments become strict, so `{{money budjet}}` or
 *   `{{#each sectrs}}` is a missing-field error instead of silently rendering nothing;
 * - paths through prototype members (`constructor`, `__proto__`, `split`…) are refused;
 * - partial names are collected (for checks and for the build cache);
 * - every mustache that prints (all but the Markdown-writing helpers) is wrapped in the
 *   literal helper, so what it prints reaches the model as text (literal.ts).
 */
import { type Diagnostic, didYouMean, error } from '../diagnostics.js';
import { literalPath, printLiterally } from './ast-literal.js';
import { DATA_VARIABLES } from './fields.js';
import { arrayOf, type HbsNode, isNode } from './hbs-node.js';
import { withoutPlaceholderCharacters } from './literal.js';
import { markContent } from './positions.js';

export type { HbsNode } from './hbs-node.js';

/** Property names that lead out of the data into JavaScript objects and functions. */
const FORBIDDEN = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'toLocaleString',
  'valueOf',
  'call',
  'apply',
  'bind',
  'split',
  'pop',
  'push',
  'shift',
  'unshift',
  'concat',
  'slice',
  'splice',
  'join',
  'map',
  'filter',
  'reduce',
  'sort',
  'reverse',
  'forEach',
  'replace',
  'substr',
  'substring',
  'charAt',
  'eval',
  'require',
  'process',
  'global',
  'globalThis',
]);

export interface WalkResult {
  partials: { name: string; line: number; column: number }[];
  diagnostics: Diagnostic[];
}

export interface WalkOptions {
  fileIndex: number;
  fileName: string;
  /** The template text, to tell inline partial calls from standalone ones. */
  source: string;
  helperNames: ReadonlySet<string>;
  /** Field names a path may use; other names are refused. */
  fields: ReadonlySet<string>;
  /** Helpers whose output is Markdown (`cite`, `chart`): the only mustaches not printed literally. */
  markdownHelpers: ReadonlySet<string>;
}

export function prepareAst(root: HbsNode, options: WalkOptions): WalkResult {
  const { fileIndex, fileName, helperNames, fields, markdownHelpers } = options;
  const sourceLines = options.source.split('\n');
  const blockParams = collectBlockParams(root);
  const result: WalkResult = { partials: [], diagnostics: [] };
  const at = (node: HbsNode) => ({
    file: fileName,
    line: node.loc?.start.line ?? 1,
    column: (node.loc?.start.column ?? 0) + 1,
  });

  const checkPath = (node: HbsNode) => {
    const parts = Array.isArray(node.parts) ? (node.parts as unknown[]).map(String) : [];
    parts.forEach((part, index) => {
      const problem = segmentProblem(part, index, node.data === true, fields, blockParams);
      if (problem) {
        result.diagnostics.push(
          error('TEMPLATE_MISSING_FIELD', `"${String(node.original)}" is not a field of the data`, {
            ...at(node),
            hint: problem,
          }),
        );
      }
    });
  };

  /** Arguments of a helper call: paths there must exist. */
  const visitArgument = (node: unknown) => {
    if (!isNode(node)) return;
    if (node.type === 'PathExpression') {
      checkPath(node);
      // Block params (`as |x|`) are looked up without the strict check either way.
      if (node.parts && (node.parts as unknown[]).length > 0) node.strict = true;
    } else visit(node);
  };

  const visitCall = (node: HbsNode) => {
    const path = node.path;
    const parts = isNode(path) && Array.isArray(path.parts) ? path.parts.map(String) : [];
    const hash = node.hash;
    const pairs = isNode(hash) ? arrayOf(hash.pairs) : [];
    const isCall = arrayOf(node.params).length > 0 || pairs.length > 0;
    // A helper's own name (`join`, `concat`) is not a data path.
    const isData = isNode(path) && path.data === true;
    const isHelper = parts.length === 1 && helperNames.has(parts[0] ?? '') && !isData;
    if (isNode(path) && isCall && !isHelper && parts.length === 1 && !isData) {
      const guess = didYouMean(parts[0] ?? '', helperNames);
      result.diagnostics.push(
        error('TEMPLATE_UNKNOWN_HELPER', `there is no helper "${parts[0]}"`, {
          ...at(node),
          hint: guess ? `did you mean "${guess}"?` : 'see docs/templates.md for the list of helpers',
        }),
      );
    } else if (isNode(path) && path.type === 'PathExpression' && !isHelper) checkPath(path);
    for (const param of arrayOf(node.params)) visitArgument(param);
    for (const pair of pairs) if (isNode(pair)) visitArgument(pair.value);
  };

  const visit = (node: HbsNode): void => {
    switch (node.type) {
      case 'Program':
        for (const statement of arrayOf(node.body)) if (isNode(statement)) visit(statement);
        return;
      case 'ContentStatement': {
        const start = node.loc?.start ?? { line: 1, column: 0 };
        node.value = markContent(
          fileIndex,
          withoutPlaceholderCharacters(String(node.value)),
          withoutPlaceholderCharacters(String(node.original)),
          start,
          node.rightStripped === true,
        );
        return;
      }
      case 'MustacheStatement': {
        literalPath(node);
        visitCall(node);
        const path = node.path;
        const name = isNode(path) && Array.isArray(path.parts) ? String(path.parts[0]) : '';
        if (!(isNode(path) && path.data !== true && markdownHelpers.has(name)))
          printLiterally(node, helperNames);
        return;
      }
      case 'SubExpression':
        visitCall(node);
        return;
      case 'BlockStatement':
        visitCall(node);
        if (isNode(node.program)) visit(node.program);
        if (isNode(node.inverse)) visit(node.inverse);
        return;
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = node.name;
        if (isNode(name) && name.type === 'PathExpression') {
          const position = at(node);
          result.partials.push({ name: String(name.original), line: position.line, column: position.column });
          if (node.type === 'PartialStatement' && !standalone(node, sourceLines)) {
            // Used mid-line: the partial's final newline must not break the line (see INLINE).
            name.original = `${String(name.original)}${INLINE}`;
          }
        } else {
          result.diagnostics.push(
            error('TEMPLATE_SYNTAX', 'a partial must be named literally ({{> name}})', {
              ...at(node),
              hint: 'dynamic partial names are not supported: the build cache must know every file used',
            }),
          );
        }
        for (const param of arrayOf(node.params)) visitArgument(param);
        if (isNode(node.program)) visit(node.program);
        return;
      }
      case 'DecoratorBlock':
      case 'Decorator':
        result.diagnostics.push(
          error('TEMPLATE_SYNTAX', 'decorators are not supported', {
            ...at(node),
            hint: 'remove the {{* …}} decorator',
          }),
        );
        return;
      default:
        return;
    }
  };

  visit(root);
  return result;
}

/** Why a path segment is refused, or undefined when it may be read. */
function segmentProblem(
  part: string,
  index: number,
  data: boolean,
  fields: ReadonlySet<string>,
  blockParams: ReadonlySet<string>,
): string | undefined {
  if (FORBIDDEN.has(part))
    return `"${part}" is a JavaScript internal, not data; templates can only read dataset fields`;
  if (/^\d+$/.test(part)) return undefined;
  if (index === 0 && data)
    return DATA_VARIABLES.has(part) ? undefined : `@${part} is not a Handlebars data variable`;
  if (index === 0 && blockParams.has(part)) return undefined;
  if (fields.has(part)) return undefined;
  const guess = didYouMean(part, fields);
  return guess ? `did you mean "${guess}"?` : 'see docs/dataset.md for the fields of each record';
}

/** Names declared with `as |name|` anywhere in the template. */
function collectBlockParams(root: HbsNode): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const params = (value as { blockParams?: unknown }).blockParams;
      if (Array.isArray(params)) for (const p of params) names.add(String(p));
      for (const [key, child] of Object.entries(value)) if (key !== 'loc') visit(child);
    }
  };
  visit(root);
  return names;
}

/** Suffix of the inline variant of a partial; `#` cannot appear in a name a template writes. */
export const INLINE = '#inline';

/** A statement alone on its line (only whitespace around it). */
function standalone(node: HbsNode, lines: readonly string[]): boolean {
  const loc = node.loc as
    | { start: { line: number; column: number }; end: { line: number; column: number } }
    | undefined;
  if (!loc || loc.start.line !== loc.end.line) return true;
  const line = lines[loc.start.line - 1] ?? '';
  return (line.slice(0, loc.start.column) + line.slice(loc.end.column)).trim() === '';
}
