/**
 * A source's stored text is an input of the build: the no-op fast path (which skips
 * validation) still answers "up to date" when nothing changed, and a changed source file makes
 * the next build validate again, so a quote the source no longer holds stops the build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUpToDate } from '../../src/pipeline/inputs.js';
import { MANIFEST_FILE, readManifest } from '../../src/pipeline/manifest.js';
import { BRIEFKIT_VERSION } from '../../src/version.js';
import { briefingProject, buildIn, builtBriefingProject, EPOCH, snapshot } from './project.js';

const ENV = { SOURCE_DATE_EPOCH: EPOCH };
const SOURCE = join('data', 'sources', 'park-2025-korea-emerging-technologies.txt');

async function upToDate(dir: string): Promise<boolean> {
  const out = join(dir, 'out');
  return isUpToDate(dir, out, await readManifest(join(out, MANIFEST_FILE)), BRIEFKIT_VERSION, ENV);
}

describe('stored sources as build inputs', () => {
  it('are hashed in the manifest; a changed source re-validates and a lost quote stops the build', async () => {
    const dir = briefingProject();
    const first = await buildIn(dir);
    expect(first.status).toBe('built');
    expect(first.provenance).toMatchObject({ notVerifiable: [] });
    expect(first.provenance?.quotes).toBeGreaterThan(40);
    expect(first.provenance?.quotesFound).toBe(first.provenance?.quotes);
    // This fresh build is what the shared briefing baseline holds (test/build/baseline.test.ts).
    expect(snapshot(builtBriefingProject())).toEqual(snapshot(dir));
    const manifest = await readManifest(join(dir, 'out', MANIFEST_FILE));
    expect(Object.keys(manifest?.inputFiles ?? {})).toContain(SOURCE);
    expect(await upToDate(dir)).toBe(true);

    const file = join(dir, SOURCE);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('with 1,012 industrial robots', 'with 1,021 industrial robots');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    expect(await upToDate(dir)).toBe(false);
    const second = await buildIn(dir);
    expect(second.status).toBe('invalid');
    // Every record citing that sentence (the indicator, and the sector summary that states it) fails.
    expect(new Set(second.diagnostics.map((d) => d.code))).toEqual(new Set(['QUOTE_NOT_FOUND']));
    expect(second.diagnostics.map((d) => d.path)).toContain('indicators[1].cite[0].quote');
    for (const d of second.diagnostics) expect(d.hint).toContain('1,021 industrial robots');
  });
});
