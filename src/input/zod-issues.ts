/**
 * Turns zod issues into positioned diagnostics: `file:line:col  path: expected …, got …`.
 * Shared by the dataset, the config and the theme.
 */
import { z } from 'zod';
import type * as zc from 'zod/v4/core';
import { type Diagnostic, type DiagnosticCode, didYouMean, error, formatPath } from '../diagnostics.js';
import type { YamlSource } from './yaml.js';

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

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function issueToDiagnostics(issue: zc.$ZodIssue, source: YamlSource, schema: z.ZodType): Diagnostic[] {
  const path = issue.path;
  const where = { file: source.file, ...source.locate(path), path: formatPath(path) };
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = knownKeys(schema, path);
        const suggestion = didYouMean(key, known);
        return error('DATA_UNKNOWN_KEY', `unknown field "${key}"`, {
          file: source.file,
          ...source.locateKey(path, key),
          path: formatPath([...path, key]),
          hint: suggestion
            ? `did you mean "${suggestion}"?`
            : known.length > 0
              ? `allowed fields: ${known.join(', ')}`
              : 'remove it',
        });
      });
    case 'invalid_type': {
      const missing = input === undefined;
      const code: DiagnosticCode = missing ? 'DATA_REQUIRED' : 'DATA_TYPE';
      const message = missing
        ? `required field missing: expected ${issue.expected}`
        : `expected ${issue.expected}, got ${describeValue(input)}`;
      return [error(code, message, { ...where, hint: missing ? 'see docs/dataset.md for this record' : '' })];
    }
    case 'too_small':
      return [
        error(
          'DATA_TOO_SMALL',
          `expected ${issue.message.replace(/^Too small: expected /, '')}, got ${describeValue(input)}`,
          where,
        ),
      ];
    case 'too_big':
      return [error('DATA_TOO_BIG', `${issue.message}, got ${describeValue(input)}`, where)];
    case 'invalid_format':
      return [error('DATA_FORMAT', `expected ${issue.message}, got ${describeValue(input)}`, where)];
    case 'invalid_value':
      return [
        error(
          'DATA_INVALID_VALUE',
          `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(input)}`,
          {
            ...where,
            hint: typeof input === 'string' ? hintForValue(input, issue.values) : '',
          },
        ),
      ];
    default:
      return [error('DATA_INVALID_VALUE', `expected ${issue.message}, got ${describeValue(input)}`, where)];
  }
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
