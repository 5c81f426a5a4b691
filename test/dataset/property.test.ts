/**
 * Property: whatever the bytes, `validateDatasetBytes` never throws; it yields either a
 * dataset and no diagnostics, or diagnostics that are well formed (a catalogue code, the
 * file, positions ≥ 1, an analyst's message rather than a zod default).
 *
 * The seed is printed; replay a failure with FC_SEED=<seed> npx vitest run test/dataset/property.test.ts
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type DatasetResult, validateDatasetBytes, validateDatasetText } from '../../src/dataset/load.js';
import { CATALOGUE, formatDiagnostic } from '../../src/diagnostics.js';
import { propertyRuns } from '../support/property-runs.js';

const FILE = 'fuzz.yaml';
// Each case is one validation of a small document (a millisecond or so): 300 per property on
// every run finds what a systematic slip (a zod default message, a position of 0, a throw on
// one kind of input) produces, since such a slip shows on a large share of inputs; the deep
// count (BRIEFKIT_DEEP_PROPERTIES=1) hunts the rare ones. The mutation property also tries
// every place of the base, removed, on every run (its examples), whatever the count.
const RUNS = propertyRuns(300, 3000);
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
console.log(`fast-check seed: ${seed} (replay with FC_SEED=${seed})`);
const options = { numRuns: RUNS, seed };

/** zod's own wording; every message should have been rewritten for an analyst. */
const ZOD_DEFAULT = /^(Invalid input|Invalid option|Too small|Too big)/;

function wellFormed(result: DatasetResult): void {
  // A valid dataset may come with warnings (DATA_SAME_MONEY), never with an error.
  if (result.dataset) {
    expect(result.diagnostics.filter((d) => d.severity !== 'warning')).toEqual([]);
    return;
  }
  expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  for (const d of result.diagnostics) {
    expect(Object.keys(CATALOGUE)).toContain(d.code);
    expect(d.file).toBe(FILE);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.message).not.toBe('');
    expect(d.message).not.toMatch(ZOD_DEFAULT);
    if (d.line !== undefined) expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
    if (d.column !== undefined) expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
    expect(formatDiagnostic(d)).toContain(FILE);
  }
}

/** A small valid dataset, mutated below at one random place. */
const BASE = {
  meta: {
    id: 'example',
    title: 'Example',
    country: 'Exampleland',
    language: 'en',
    asOf: '2025-07-15',
    author: 'Analyst',
    currency: 'KRW',
  },
  sources: [{ id: 'report', title: 'A report' }],
  administrations: [
    {
      id: 'lee',
      name: 'Lee administration',
      leader: 'Lee',
      start: '2025-06',
      cite: [{ source: 'report', quote: 'q' }],
    },
  ],
  fields: [{ id: 'quantum', number: 1, name: 'Quantum', cite: [{ source: 'report', quote: 'q' }] }],
  sectors: [
    { id: 'ai', name: 'AI', fields: ['quantum'], summary: 's', cite: [{ source: 'report', quote: 'q' }] },
  ],
  programs: [
    {
      id: 'fund',
      name: 'Fund',
      kind: 'fund',
      administration: 'lee',
      sectors: ['ai'],
      budget: { amount: 6.8, currency: 'KRW', scale: 'trillion' },
      cite: [{ source: 'report', quote: 'q' }],
    },
  ],
  targets: [
    {
      id: 't',
      program: 'fund',
      description: 'd',
      baselineYear: 2025,
      year: 2030,
      cite: [{ source: 'report', quote: 'q' }],
    },
  ],
  investments: [
    {
      id: 'i',
      label: 'l',
      year: 2025,
      status: 'planned',
      amount: { amount: 1, currency: 'KRW' },
      scope: 's',
      fields: ['quantum'],
      cite: [{ source: 'report', quote: 'q' }],
    },
  ],
  indicators: [
    {
      id: 'x',
      label: 'l',
      sector: 'ai',
      value: { amount: 1, unit: 'u' },
      year: 2023,
      cite: [{ source: 'report', quote: 'q' }],
    },
  ],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type PathKey = string | number;

function paths(value: unknown, prefix: PathKey[] = []): PathKey[][] {
  const out: PathKey[][] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...paths(v, [...prefix, i]));
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}
const BASE_PATHS = paths(BASE).filter((p) => p.length > 0);

/** A copy of BASE with the value at `path` replaced, or its key deleted when `replacement` is undefined. */
function mutate(path: PathKey[], replacement: Json | undefined): unknown {
  const copy = structuredClone(BASE) as Record<PathKey, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<PathKey, unknown>;
  const last = path.at(-1) as PathKey;
  if (replacement === undefined) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

const YAML_TOKENS = [
  '- ',
  ': ',
  '\n',
  '  ',
  '    ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '&a ',
  '*a',
  '---\n',
  '...\n',
  '"',
  "'",
  '# c',
  'meta',
  'id',
  'sources',
  'x',
  '6.8',
  '.inf',
  '.nan',
  '~',
  '!!str ',
  '!!binary ',
  '!tag ',
  '? ',
  '|\n',
  '>\n',
  '\t',
  '%YAML 1.2\n',
  '<<: ',
  '\uFEFF',
  '\u0000',
  '조',
  '₩',
];

describe('validateDatasetBytes never throws', () => {
  it('on arbitrary text, including unicode and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        wellFormed(validateDatasetText(text, FILE));
      }),
      options,
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        wellFormed(validateDatasetBytes(bytes, FILE));
      }),
      options,
    );
  });

  it('on YAML-like token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }), (tokens) => {
        wellFormed(validateDatasetText(tokens.join(''), FILE));
      }),
      options,
    );
  });

  it('on arbitrary JSON-like values serialised as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        wellFormed(validateDatasetText(stringify(value), FILE));
      }),
      options,
    );
  });

  it('on a valid dataset with one value replaced or removed', () => {
    const replacement = fc.option(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { nil: undefined });
    fc.assert(
      fc.property(fc.constantFrom(...BASE_PATHS), replacement, (path, value) => {
        const result = validateDatasetText(stringify(mutate(path, value)), FILE);
        wellFormed(result);
      }),
      { ...options, examples: BASE_PATHS.map((path): [PathKey[], Json | undefined] => [path, undefined]) },
    );
  });

  it('accepts the unmutated base, so the mutation property explores near-valid data', () => {
    expect(validateDatasetText(stringify(BASE), FILE).diagnostics).toEqual([]);
  });
});
