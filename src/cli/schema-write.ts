/** Writes data/policy-dataset.schema.json from the zod schema (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { datasetJsonSchema } from '../dataset/json-schema.js';

writeFileSync('data/policy-dataset.schema.json', datasetJsonSchema());
process.stdout.write('wrote data/policy-dataset.schema.json\n');
