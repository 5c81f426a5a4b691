/**
 * The shared baselines of the build tests (test/support/baseline.ts): a copy of a built project
 * is up to date where it lands, so a test that starts from it starts from exactly what its own
 * first build would have left. That a copy holds what a fresh build writes is checked beside
 * the fresh builds the suite runs anyway: test/build/build.test.ts ("a clean build", the
 * shipped project) and test/build/provenance-inputs.test.ts (the briefing-only project).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIn, builtBriefingProject, builtProject, snapshot } from './project.js';

describe.each([
  { name: 'the baseline project', copy: builtProject },
  { name: 'the briefing-only baseline', copy: builtBriefingProject },
])('$name', ({ copy }) => {
  it('is up to date in its copy: the next build rebuilds nothing', async () => {
    const dir = copy();
    expect(existsSync(join(dir, 'out', 'manifest.json'))).toBe(true);
    const before = snapshot(dir);
    const report = await buildIn(dir);
    expect(report.diagnostics).toEqual([]);
    expect(report.built).toEqual([]);
    expect(report.cached.length).toBeGreaterThan(0);
    expect(snapshot(dir)).toEqual(before);
  });
});
