/**
 * Vitest global setup of the e2e project: builds the shipped project, and the project whose
 * config builds the briefing only (`briefingProject()`), once each, the way
 * test/build/project.ts's `buildIn` does (one job, the fixed epoch), so build tests that need
 * "a project that has been built" copy one (`builtProject()`, `builtBriefingProject()`) instead
 * of each running the same cold build. The build state records project-relative paths, so a
 * copy is up to date where it lands (test/build/baseline.test.ts checks that a copy of each
 * rebuilds nothing and holds what a fresh build writes).
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { briefingProject, buildIn, makeProject } from '../build/project.js';
import { NESTED_RUN } from './nested-run.js';
import { once } from './once.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A built copy of the shipped project; copy it, never build inside it. */
    baselineProject: string;
    /** A built copy of `briefingProject()` (the briefing and its charts); copy it too. */
    briefingBaselineProject: string;
  }
}

async function built(dir: string, what: string): Promise<string> {
  const report = await buildIn(dir);
  if (report.status !== 'built' || report.diagnostics.length > 0)
    throw new Error(`the baseline build of ${what} failed: ${JSON.stringify(report.diagnostics)}`);
  return dir;
}

export default async function setup(project: TestProject): Promise<() => void> {
  // A vitest run inside a test (test/render/tools.test.ts) runs files that copy no baseline.
  if (process.env[NESTED_RUN] === '1') return () => {};
  // Both e2e projects name this setup: the baselines are built once per run and removed when
  // the last project is done with them.
  const { result, release } = await once(
    'baselines',
    async () => ({
      shipped: await built(makeProject(), 'the shipped project'),
      briefing: await built(briefingProject(), 'the briefing-only project'),
    }),
    (dirs) => {
      for (const dir of [dirs.shipped, dirs.briefing]) rmSync(dir, { recursive: true, force: true });
    },
  );
  project.provide('baselineProject', result.shipped);
  project.provide('briefingBaselineProject', result.briefing);
  return release;
}
