/**
 * The shaping store kept between builds must change how fast a build is, never what it
 * writes: a rebuild that loads it gives the bytes of a clean build, and a broken store is ignored.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefingProject, buildIn, builtBriefingProject, editDataset, snapshot } from './project.js';

const storeFiles = (dir: string) => {
  const folder = join(dir, '.briefkit', 'out', 'shaping');
  return readdirSync(folder).map((name) => join(folder, name));
};

describe('the shaping store', () => {
  it('is written by a build, and a rebuild that uses it writes the bytes of a clean build', async () => {
    // Briefing-only projects: the store is the PDF renderers' and the briefing is a PDF that
    // the edit below changes; the one-pagers and the deck would make it longer, not test more.
    const warm = builtBriefingProject();
    expect(storeFiles(warm)).toHaveLength(1);
    editDataset(warm, 'amount: 6.8,', 'amount: 7.1,');
    const rebuilt = await buildIn(warm);
    expect(rebuilt.built).toContain('briefing');

    // Cold on purpose: the bytes a build writes with no store at all.
    const clean = briefingProject();
    editDataset(clean, 'amount: 6.8,', 'amount: 7.1,');
    await buildIn(clean);
    expect(snapshot(warm)).toEqual(snapshot(clean));
  });

  it('is ignored when it is broken', async () => {
    const dir = builtBriefingProject();
    const before = snapshot(dir);
    for (const file of storeFiles(dir)) {
      writeFileSync(
        file,
        '{"version":1,"regular":{"the":{"g":[999999],"c":[[1]],"p":[1,2,3,4,5],"w":1}},"bold":"x"',
      );
    }
    const report = await buildIn(dir, { force: true });
    expect(report.diagnostics).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
    for (const file of storeFiles(dir)) {
      writeFileSync(
        file,
        JSON.stringify({ version: 1, regular: { the: { g: [999999], c: [[1]], p: [1, 2, 3, 4, 5], w: 1 } } }),
      );
    }
    await buildIn(dir, { force: true });
    expect(snapshot(dir)).toEqual(before);
  });
});
