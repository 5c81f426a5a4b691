/**
 * The shared baseline of the build tests (test/support/baseline.ts): a copy of the built
 * shipped project is up to date where it lands, so a test that starts from it starts from
 * exactly what its own first build would have left.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIn, builtProject, makeProject, snapshot } from './project.js';

describe('the baseline project', () => {
  it('is up to date in its copy: the next build rebuilds nothing', async () => {
    const dir = builtProject();
    expect(existsSync(join(dir, 'out', 'manifest.json'))).toBe(true);
    const before = snapshot(dir);
    const report = await buildIn(dir);
    expect(report.diagnostics).toEqual([]);
    expect(report.built).toEqual([]);
    expect(report.cached.length).toBeGreaterThan(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it('holds what a fresh default build of the project writes', async () => {
    const dir = makeProject();
    await buildIn(dir);
    expect(snapshot(builtProject())).toEqual(snapshot(dir));
  });
});
