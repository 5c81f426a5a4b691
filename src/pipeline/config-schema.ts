/** The JSON Schema of briefkit.config.yaml, generated from the zod schema. */
import { z } from 'zod';
import { buildConfigSchema } from './config.js';

export function configJsonSchema(): string {
  const schema = z.toJSONSchema(buildConfigSchema(), { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'briefkit configuration' }, null, 2)}\n`;
}
