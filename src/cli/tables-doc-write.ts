/** Writes docs/chart-tables.md, generated from the tables' schemas (`npm run docs:tables`). */
import { writeFileSync } from 'node:fs';
import { chartTablesDoc } from '../derive/table-docs.js';

writeFileSync('docs/chart-tables.md', chartTablesDoc());
process.stdout.write('wrote docs/chart-tables.md\n');
