/**
 * Words for diagnostics: what a YAML value looks like to an analyst ("a list of 3 items",
 * "an empty value") and what a schema expects ("a whole number", "a mapping").
 */

/** A value as found in the file, quoted when it is text, described when it is a structure. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'an empty text';
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan (not a number)';
    if (value === Number.POSITIVE_INFINITY) return '.inf (infinity)';
    if (value === Number.NEGATIVE_INFINITY) return '-.inf (minus infinity)';
    return String(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list';
    return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  // Only a plain object is a mapping: a Date, Buffer or Set (from a YAML tag) is named as what it is.
  if (value instanceof Date) return 'a date-time value';
  if (ArrayBuffer.isView(value)) return 'binary data';
  if (value instanceof Set || value instanceof Map) return 'a set';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** A single value where a mapping or list belongs, said as what it is: `the text "hello"`. */
export function describeScalar(value: unknown): string {
  if (typeof value === 'string') return `the text ${describeValue(value)}`;
  if (typeof value === 'number') return `the number ${describeValue(value)}`;
  if (typeof value === 'boolean') return `the value ${String(value)}`;
  return describeValue(value);
}

/** zod's type names in an analyst's words. */
const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  object: 'a mapping',
  array: 'a list',
  boolean: 'true or false',
  date: 'a date',
};

export function expectedName(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

/** A hint for a value of the wrong type, when the value shows what was meant. */
export function typeHint(expected: string, input: unknown): string {
  if (input === null) return 'write a value after the colon';
  if ((expected === 'number' || expected === 'int') && typeof input === 'number') {
    if (!Number.isFinite(input)) return 'write a finite number: .inf and .nan are not figures';
    return expected === 'int' ? `write a whole number such as ${Math.trunc(input)}` : '';
  }
  if ((expected === 'number' || expected === 'int') && typeof input === 'string') {
    const number = leadingNumber(input);
    if (number !== undefined && String(number) === input.trim())
      return `remove the quotes: write ${number}, not "${input.trim()}"`;
    const example = number ?? 6.8;
    return `write a plain number such as ${example}, without quotes, units or thousands separators`;
  }
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean'))
    return `put it in double quotes if it is meant as text: "${String(input)}"`;
  if (expected === 'array' && (typeof input === 'string' || typeof input === 'number'))
    return `write a list, even of one item: [${String(input)}]`;
  if (expected === 'object' && Array.isArray(input))
    return 'write key: value lines here, not a list of "- " items';
  return '';
}

/** The number an analyst probably meant in "6.8조", "1,012" or "30 trillion". */
function leadingNumber(text: string): number | undefined {
  const match = /^\s*[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/.exec(text);
  if (!match) return undefined;
  const value = Number(match[0].replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** A lower-case, hyphenated id suggested from any text: "AI Fund" → "ai-fund". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
