/** The JSON Schema editors use to complete and check dataset files, generated from the zod schema. */
import { z } from 'zod';
import { PolicyDataset } from './schema.js';

export function datasetJsonSchema(): string {
  const schema = z.toJSONSchema(PolicyDataset, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'briefkit policy dataset' }, null, 2)}\n`;
}
