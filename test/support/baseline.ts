/**
 * Vitest global setup of the e2e project: builds the shipped project once, the way
 * test/build/project.ts's `buildIn` does (default config, one job, the fixed epoch), so build
 * tests that need "a project that has been built" copy it (`builtProject()`) instead of each
 * running the same cold build. The build state records project-relative paths, so a copy is up
 * to date where it lands (test/build/baseline.test.ts checks that a copy rebuilds nothing).
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildIn, makeProject } from '../build/project.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A built copy of the shipped project; copy it, never build inside it. */
    baselineProject: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = makeProject();
  const report = await buildIn(dir);
  if (report.status !== 'built' || report.diagnostics.length > 0)
    throw new Error(
      `the baseline build of the shipped project failed: ${JSON.stringify(report.diagnostics)}`,
    );
  project.provide('baselineProject', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
