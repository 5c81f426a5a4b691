/** The provenance benchmark's dataset (src/bench/provenance-dataset.ts) validates clean at full size. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provenanceProject } from '../../../src/bench/provenance-dataset.js';
import { loadDatasetFile } from '../../../src/dataset/load.js';

describe('the provenance benchmark dataset', () => {
  it('500 citations over 50 sources: every quote found, every figure and locator matched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-bench-provenance-'));
    const project = provenanceProject(50, 500);
    mkdirSync(join(dir, 'sources'));
    for (const [name, text] of project.sources) writeFileSync(join(dir, 'sources', name), text);
    writeFileSync(join(dir, 'data.yaml'), project.dataset);
    const result = await loadDatasetFile(join(dir, 'data.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.provenance).toMatchObject({
      sources: 50,
      quotes: 501,
      quotesFound: 501,
      figures: 1000,
      figuresMatched: 1000,
    });
  });
});
