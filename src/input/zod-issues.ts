/**
 * Turns zod issues into positioned diagnostics: `file:line:col  path: expected …, got …`.
 * Shared by the dataset, the config and the theme.
 *
 * zod's own messages ("Too small: expected array to have >=1 items") are rebuilt from the
 * issue's fields; messages written in a schema (e.g. 'a positive number') are kept, as
 * "expected <message>". A schema refinement may carry `params: { hint }` for the hint.
 */
import { z } from 'zod';
import type * as zc from 'zod/v4/core';
import { type Diagnostic, didYouMean, error, formatPath } from '../diagnostics.js';
import type { YamlSource } from './yaml.js';
import { describeScalar, describeValue, expectedName, slugify, typeHint } from './zod-describe.js';

export { describeValue } from './zod-describe.js';

/** zod's default messages start like this; a schema's own messages do not. */
const ZOD_DEFAULT = /^(Too small|Too big|Invalid)\b/;
const ID_PATTERN = '/^[a-z0-9]+(?:-[a-z0-9]+)*$/';

/** Parses `source.data` against `schema`, reporting every problem at once. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  source: YamlSource,
): { value?: z.output<S>; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => issueToDiagnostics(issue, source, schema));
  return { diagnostics };
}

type Where = Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>;

function issueToDiagnostics(issue: zc.$ZodIssue, source: YamlSource, schema: z.ZodType): Diagnostic[] {
  const path = issue.path;
  const where: Where = {
    file: source.file,
    ...source.locate(path),
    ...(path.length > 0 ? { path: formatPath(path) } : {}),
  };
  const input = (issue as { input?: unknown }).input;
  const got = `got ${describeValue(input)}`;
  const custom = ZOD_DEFAULT.test(issue.message) ? undefined : issue.message;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(key, path, source, schema));
    case 'invalid_type':
      return [invalidType(issue.expected, input, path, where, knownKeys(schema, []))];
    case 'invalid_union':
      return unionProblems(issue, source, schema, where, custom);
    case 'too_small':
      return [
        error(
          'DATA_TOO_SMALL',
          `expected ${custom ?? bound(issue, 'min')}, ${got}`,
          withHint(where, paramsHint(issue)),
        ),
      ];
    case 'too_big':
      return [
        error(
          'DATA_TOO_BIG',
          `expected ${custom ?? bound(issue, 'max')}, ${got}`,
          withHint(where, paramsHint(issue)),
        ),
      ];
    case 'invalid_format': {
      const idHint =
        issue.format === 'regex' &&
        issue.pattern === ID_PATTERN &&
        typeof input === 'string' &&
        slugify(input)
          ? `for example "${slugify(input)}"`
          : '';
      return [
        error(
          'DATA_FORMAT',
          `expected ${custom ?? formatName(issue)}, ${got}`,
          withHint(where, idHint || paramsHint(issue)),
        ),
      ];
    }
    case 'invalid_value':
      return [
        error(
          'DATA_INVALID_VALUE',
          `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, ${got}`,
          withHint(where, typeof input === 'string' ? hintForValue(input, issue.values) : ''),
        ),
      ];
    case 'custom':
      return [
        error(
          'DATA_INVALID_VALUE',
          custom ? `expected ${custom}, ${got}` : `invalid value, ${got}`,
          withHint(where, paramsHint(issue)),
        ),
      ];
    default:
      return [
        error('DATA_INVALID_VALUE', custom ? `expected ${custom}, ${got}` : `invalid value, ${got}`, where),
      ];
  }
}

/**
 * A value that fits none of a union's alternatives (a date given as text or as a year).
 * When one alternative accepted its type, its own problems say best what is wrong
 * ("a real calendar date"); otherwise it is a wrong type, worded by the union's message.
 */
function unionProblems(
  issue: zc.$ZodIssueInvalidUnion,
  source: YamlSource,
  schema: z.ZodType,
  where: Where,
  custom: string | undefined,
): Diagnostic[] {
  // A discriminated union (the config's document entry, by `format`) whose key matches no branch.
  const { discriminator, options } = issue as { discriminator?: unknown; options?: unknown[] };
  if (typeof discriminator === 'string' && Array.isArray(options)) {
    const record = (issue as { input?: unknown }).input;
    const value =
      record && typeof record === 'object' ? (record as Record<string, unknown>)[discriminator] : record;
    const expected = `one of ${options.map((v) => JSON.stringify(v)).join(', ')}`;
    if (value === undefined)
      return [
        error('DATA_REQUIRED', `required field "${discriminator}" is missing (expected ${expected})`, {
          ...where,
          hint: `add "${discriminator}:" to this record`,
        }),
      ];
    return [
      error(
        'DATA_INVALID_VALUE',
        `expected ${expected}, got ${describeValue(value)}`,
        withHint(where, typeof value === 'string' ? hintForValue(value, options) : ''),
      ),
    ];
  }
  const typed = issue.errors.find(
    (branch) => branch.length > 0 && branch.every((i) => i.code !== 'invalid_type' || i.path.length > 0),
  );
  if (typed) {
    return typed.flatMap((inner) =>
      issueToDiagnostics({ ...inner, path: [...issue.path, ...inner.path] }, source, schema),
    );
  }
  const input = (issue as { input?: unknown }).input;
  const expected = custom ?? 'a value of another kind';
  if (input === undefined) {
    const key = String(issue.path.at(-1) ?? '');
    return [
      error('DATA_REQUIRED', `required field "${key}" is missing (expected ${expected})`, {
        ...where,
        hint: `add "${key}:" to this record; see docs/dataset.md`,
      }),
    ];
  }
  const hint = input === null ? 'write a value after the colon' : '';
  return [error('DATA_TYPE', `expected ${expected}, got ${describeValue(input)}`, withHint(where, hint))];
}

/** The hint a schema refinement put in its issue's `params`, or ''. */
function paramsHint(issue: zc.$ZodIssue): string {
  const hint = (issue as { params?: { hint?: unknown } }).params?.hint;
  return typeof hint === 'string' ? hint : '';
}

/** Adds a hint only when there is one, so diagnostics carry no empty `hint`. */
function withHint(where: Where, hint: string): Partial<Diagnostic> {
  return hint ? { ...where, hint } : where;
}

function invalidType(
  expected: string,
  input: unknown,
  path: readonly PropertyKey[],
  where: Where,
  sections: readonly string[],
): Diagnostic {
  const name = expectedName(expected);
  if (input === undefined) {
    const key = String(path.at(-1) ?? '');
    const what = path.length === 1 ? 'section' : 'field';
    return error('DATA_REQUIRED', `required ${what} "${key}" is missing (expected ${name})`, {
      ...where,
      hint:
        path.length === 1
          ? `add a "${key}:" section; see docs/dataset.md`
          : `add "${key}:" to this record; see docs/dataset.md`,
    });
  }
  if (path.length === 0) {
    // The sections come from the schema: the config and the theme are read by this code too.
    const [first = 'meta', second] = sections;
    const named = [first, second].filter((k) => k !== undefined).map((k) => `${k}:`);
    return error(
      'DATA_TYPE',
      `the file must be a mapping of sections (${named.join(', ')}, …), got ${describeScalar(input)}`,
      {
        ...where,
        hint: `start the file with "${first}:" at the beginning of a line`,
      },
    );
  }
  const finite = expected === 'number' && typeof input === 'number' ? 'a finite number' : name;
  return error(
    'DATA_TYPE',
    `expected ${finite}, got ${describeValue(input)}`,
    withHint(where, typeHint(expected, input)),
  );
}

function unknownKey(
  key: string,
  path: readonly PropertyKey[],
  source: YamlSource,
  schema: z.ZodType,
): Diagnostic {
  const known = knownKeys(schema, path);
  const suggestion = didYouMean(key, known);
  return error('DATA_UNKNOWN_KEY', `unknown ${path.length === 0 ? 'section' : 'field'} "${key}"`, {
    file: source.file,
    ...source.locateKey(path, key),
    path: formatPath([...path, key]),
    hint: suggestion
      ? `did you mean "${suggestion}"?`
      : known.length > 0
        ? `allowed ${path.length === 0 ? 'sections' : 'fields'} here: ${known.join(', ')}`
        : 'remove it',
  });
}

/** "at least 1 item", "1900 or more", "more than 0", from a too_small/too_big issue. */
function bound(issue: zc.$ZodIssueTooSmall | zc.$ZodIssueTooBig, side: 'min' | 'max'): string {
  const limit = Number('minimum' in issue ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const unit =
    issue.origin === 'array' || issue.origin === 'set'
      ? ` item${limit === 1 ? '' : 's'}`
      : issue.origin === 'string'
        ? ` character${limit === 1 ? '' : 's'}`
        : '';
  if (unit) return `${side === 'min' ? 'at least' : 'at most'} ${limit}${unit}`;
  if (side === 'min') return inclusive ? `${limit} or more` : `more than ${limit}`;
  return inclusive ? `${limit} or less` : `less than ${limit}`;
}

function formatName(issue: zc.$ZodIssueInvalidStringFormat): string {
  if (issue.format === 'url') return 'a web address such as "https://example.org/report"';
  if (issue.format === 'regex' && issue.pattern) return `text matching ${issue.pattern}`;
  return `a valid ${issue.format}`;
}

function hintForValue(input: string, values: readonly unknown[]): string {
  const suggestion = didYouMean(
    input,
    values.filter((v): v is string => typeof v === 'string'),
  );
  return suggestion ? `did you mean "${suggestion}"?` : '';
}

/** The keys an object schema at `path` accepts (walking arrays, defaults and optionals). */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (!node) return [];
    if (node instanceof z.ZodObject && typeof key === 'string') node = unwrap(node.shape[key] as z.ZodType);
    else if (node instanceof z.ZodArray && typeof key === 'number') node = unwrap(node.element as z.ZodType);
    else return [];
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let node = schema;
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodNullable) {
    node = node.unwrap() as z.ZodType;
  }
  return node;
}
