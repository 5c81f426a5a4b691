/**
 * docs/dataset.md stays true to src/dataset/schema.ts: every section and value type documents
 * exactly the fields the schema has, the enumerations list exactly the allowed values, and the
 * minimal example validates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateDatasetText } from '../../src/dataset/load.js';
import {
  Citation,
  FigureStatus,
  Instrument,
  Money,
  PolicyDataset,
  ProgramKind,
  Qualifier,
  Quantity,
  Scale,
} from '../../src/dataset/schema.js';

const DOC = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'dataset.md'), 'utf8');

/** The rows' first cells of the first table after `heading`, with the backticks removed. */
function tableAfter(heading: string): string[] {
  const start = DOC.indexOf(`\n${heading}\n`);
  expect(start, `heading "${heading}" in docs/dataset.md`).toBeGreaterThan(-1);
  const lines = DOC.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push((line.split('|')[1] ?? '').trim().replace(/`/g, ''));
  }
  return rows;
}

function keysOf(schema: z.ZodType): string[] {
  let node: z.ZodType = schema;
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault) node = node.unwrap() as z.ZodType;
  if (node instanceof z.ZodArray) return keysOf(node.element as z.ZodType);
  if (node instanceof z.ZodObject) return Object.keys(node.shape);
  throw new Error('not an object schema');
}

const sections = PolicyDataset.shape;

describe('docs/dataset.md', () => {
  it.each(Object.keys(sections))('documents every field of `%s`, and only those', (name) => {
    const schema = sections[name as keyof typeof sections] as z.ZodType;
    expect(tableAfter(`### \`${name}\`${headingTail(name)}`)).toEqual(keysOf(schema));
  });

  it('documents Money, Quantity and Citation field by field', () => {
    expect(tableAfter('### Money')).toEqual(Object.keys(Money.shape));
    expect(tableAfter('### Quantity')).toEqual(Object.keys(Quantity.shape));
    expect(tableAfter('### Citation (`cite`)')).toEqual(Object.keys(Citation.shape));
  });

  it('lists exactly the allowed qualifiers, statuses, kinds and scales', () => {
    expect(tableAfter('### Qualifier: how the source hedges a figure')).toEqual(Qualifier.options);
    // The doc orders statuses by how firm the money is; the schema's order does not matter.
    expect(tableAfter('### Status: what kind of figure it is').sort()).toEqual(
      [...FigureStatus.options].sort(),
    );
    expect(valuesInRow('kind')).toEqual(ProgramKind.options);
    expect(valuesInRow('scale')).toEqual(Scale.options);
    expect(valuesInRow('instrument')).toEqual(Instrument.options);
  });

  it('gives a minimal dataset that validates', () => {
    const example = /## A minimal dataset[\s\S]*?```yaml\n([\s\S]*?)```/.exec(DOC)?.[1];
    expect(example).toBeDefined();
    expect(validateDatasetText(example ?? '', 'docs/dataset.md').diagnostics).toEqual([]);
  });
});

/** The `code` values in the type column of the table row for `field`. */
function valuesInRow(field: string): string[] {
  const row = DOC.split('\n').find((line) => line.startsWith(`| \`${field}\` |`)) ?? '';
  return (row.split('|')[2]?.match(/`[a-z-]+`/g) ?? []).map((v) => v.replace(/`/g, ''));
}

/** The words after each section's heading, as written in the doc. */
function headingTail(name: string): string {
  const line = DOC.split('\n').find((l) => l.startsWith(`### \`${name}\``)) ?? '';
  return line.slice(`### \`${name}\``.length);
}
