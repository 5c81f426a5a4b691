/** Writes the JSON Schemas editors use, generated from the zod schemas (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../build/config-schema.js';
import { datasetJsonSchema } from '../dataset/json-schema.js';

writeFileSync('data/policy-dataset.schema.json', datasetJsonSchema());
writeFileSync('data/briefkit.config.schema.json', configJsonSchema());
process.stdout.write('wrote data/policy-dataset.schema.json and data/briefkit.config.schema.json\n');
