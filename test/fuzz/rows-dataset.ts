/**
 * `npx tsx test/fuzz/rows-dataset.ts <rows> <out.yaml>`: writes test/fuzz/rows-data.ts's dataset
 * with `rows` programmes, investments and targets: to look at every chart at 1, 5, 25 and 60
 * rows in the PDF and the deck (issue 11).
 */
import { writeFileSync } from 'node:fs';
import { rowsDatasetYaml } from './rows-data.js';

const rows = Number(process.argv[2] ?? 5);
const out = process.argv[3] ?? `/tmp/briefkit-rows-${rows}.yaml`;
writeFileSync(out, rowsDatasetYaml(rows));
console.log(out);
