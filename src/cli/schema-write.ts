/** Writes the JSON Schemas editors use, generated from the zod schemas (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { datasetJsonSchema } from '../dataset/json-schema.js';
import { configJsonSchema } from '../pipeline/config-schema.js';

writeFileSync('data/policy-dataset.schema.json', datasetJsonSchema());
writeFileSync('data/briefkit.config.schema.json', configJsonSchema());
process.stdout.write('wrote data/policy-dataset.schema.json and data/briefkit.config.schema.json\n');
