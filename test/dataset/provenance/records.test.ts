/**
 * The provenance check reads the lists named in CITING (src/dataset/provenance/records.ts), and
 * the reference check those and the sources. Partners were once added to the schema and not to
 * that list, so their quotes went unchecked: the list must be every schema list whose records
 * carry `cite`.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CITING } from '../../../src/dataset/provenance/records.js';
import { PolicyDataset } from '../../../src/dataset/schema.js';

function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault) node = node.unwrap() as z.ZodType;
  return node;
}

describe('the lists whose records cite sources', () => {
  it('are exactly the schema lists with `cite` on their records, in the schema order', () => {
    const citing = Object.entries(PolicyDataset.shape).flatMap(([name, schema]) => {
      const list = unwrap(schema as z.ZodType);
      if (!(list instanceof z.ZodArray)) return [];
      const record = unwrap(list.element as z.ZodType);
      return record instanceof z.ZodObject && 'cite' in record.shape ? [name] : [];
    });
    expect([...CITING]).toEqual(citing);
  });
});
