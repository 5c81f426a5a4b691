/**
 * `npm run fuzz:charts [cases] [seed] [only]`: generated datasets through every shipped chart,
 * with the checks of chart-checks.ts (layout included); prints each problem found, a summary and
 * the failing case numbers. `only` (e.g. `121,182`) checks just those cases of the run, to
 * replay the failures of a long run in seconds.
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
const only = process.argv[4]?.split(',').map(Number);
const theme = (await loadTheme(join(ROOT, 'templates', 'theme.yaml'), testFonts)).theme;
if (!theme) throw new Error('theme did not load');
const samples = fc.sample(caseArbitrary(join(ROOT, 'data', 'korea-emerging-tech.yaml')), {
  numRuns: only ? Math.max(...only) + 1 : cases,
  seed,
});
const kinds = new Map<string, number>();
const failing: number[] = [];
let checked = 0;
for (const [i, yaml] of samples.entries()) {
  if (only && !only.includes(i)) continue;
  checked += 1;
  const problems = await checkCase(yaml, {
    theme,
    chartsDir: join(ROOT, 'templates', 'charts'),
    layout: true,
    perSector: i % 10 === 0,
  });
  if (problems.length > 0) failing.push(i);
  // Progress on stderr: a run on a busy machine can be read before it ends.
  if (checked % 50 === 0) console.error(`${checked} cases: ${failing.length} with problems`);
  for (const p of problems) {
    const kind = p.replace(/"[^"]*"/g, '"…"').replace(/\d+(\.\d+)?/g, 'N');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if ((kinds.get(kind) ?? 0) <= 2) console.log(`case ${i}: ${p}`);
  }
}
console.log(`\n${checked} cases (seed ${seed}): ${failing.length} with problems`);
for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1]))
  console.log(`${String(n).padStart(6)}  ${kind}`);
if (failing.length > 0) console.log(`failing cases: ${failing.join(',')}`);
