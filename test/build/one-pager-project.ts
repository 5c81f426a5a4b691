/**
 * The smallest project that publishes: the minimal dataset of docs/dataset.md (one sector) and a
 * config that builds its one-pager only (one PDF and one chart). A rebuild of it takes a quarter
 * of a second where `--only` one document of the shipped project takes about a second of
 * planning, so tests of how a build publishes (faults between its steps, what happens after the
 * swap), which do not depend on what or how much is drawn, use it.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimalDatasetText } from '../support/minimal-dataset.js';
import { buildIn, DATASET, editDataset, makeProject } from './project.js';

export function onePagerProject(): string {
  const dir = makeProject();
  writeFileSync(join(dir, DATASET), minimalDatasetText());
  writeFileSync(
    join(dir, 'briefkit.config.yaml'),
    [
      'datasets: [data/korea-emerging-tech.yaml]',
      'documents:',
      '  - { id: sector, template: sector.md.hbs, format: pdf, for: sectors, output: "sectors/{sector}.pdf" }',
      '',
    ].join('\n'),
  );
  return dir;
}

let built: Promise<string> | undefined;

/**
 * A copy of `onePagerProject()` as its first build left it, built once per test file (a build of
 * under a second, so not one of the suite's shared baselines). Like those, the copy is up to date
 * where it lands: the build state records project-relative paths.
 */
export async function builtOnePagerProject(): Promise<string> {
  built ??= (async () => {
    const dir = onePagerProject();
    const report = await buildIn(dir);
    if (report.status !== 'built' || report.diagnostics.length > 0)
      throw new Error(`the one-pager project did not build: ${JSON.stringify(report.diagnostics)}`);
    return dir;
  })();
  const baseline = await built;
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-built-'));
  cpSync(baseline, dir, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  return dir;
}

/** Changes the one sector's summary, which its one-pager prints: the next build rebuilds it. */
export function editOnePager(dir: string, edit: number): void {
  editDataset(dir, /summary: AI sector[^\n]*/, `summary: AI sector, edit ${edit}.`);
}
