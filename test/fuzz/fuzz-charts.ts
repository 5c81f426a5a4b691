/**
 * `npm run fuzz:charts [cases] [seed]`: generated datasets through every shipped chart, with the
 * checks of chart-checks.ts (layout included); prints each problem found and a summary.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { loadTheme } from '../../src/theme/load.js';
import { testFonts } from '../support/theme.js';
import { caseArbitrary } from './chart-cases.js';
import { checkCase } from './chart-checks.js';

const ROOT = join(import.meta.dirname, '..', '..');
const cases = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 11);
const theme = (await loadTheme(join(ROOT, 'templates', 'theme.yaml'), testFonts)).theme;
if (!theme) throw new Error('theme did not load');
const samples = fc.sample(caseArbitrary(join(ROOT, 'data', 'korea-emerging-tech.yaml')), {
  numRuns: cases,
  seed,
});
const kinds = new Map<string, number>();
let failing = 0;
for (const [i, yaml] of samples.entries()) {
  const problems = await checkCase(yaml, {
    theme,
    chartsDir: join(ROOT, 'templates', 'charts'),
    layout: true,
    perSector: i % 10 === 0,
  });
  if (problems.length > 0) failing += 1;
  // Progress on stderr: a run on a busy machine can be read before it ends.
  if ((i + 1) % 50 === 0) console.error(`${i + 1} cases: ${failing} with problems`);
  for (const p of problems) {
    const kind = p.replace(/"[^"]*"/g, '"…"').replace(/\d+(\.\d+)?/g, 'N');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if ((kinds.get(kind) ?? 0) <= 2) console.log(`case ${i}: ${p}`);
  }
}
console.log(`\n${cases} cases (seed ${seed}): ${failing} with problems`);
for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1]))
  console.log(`${String(n).padStart(6)}  ${kind}`);
