/**
 * The hand-out page names a companion evidence file for what it is: the pdf renderer says what a
 * document of its `evidence` variant is, and the index page lists it so (pipeline/index-page/).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';
import { EVIDENCE_PREFIX } from '../../src/document/companion.js';
import { type IndexJob, indexPageOf } from '../../src/pipeline/index-page/rows.js';
import type { ManifestOutput } from '../../src/pipeline/manifest.js';
import { rendererFor } from '../../src/render/registry.js';

const ROOT = join(import.meta.dirname, '..', '..');

const pdf = rendererFor('pdf');
const optionsOf = (params: unknown, fannedOut = false) => pdf.resolveOptions(params, undefined, fannedOut);

describe('a companion evidence file on the hand-out page', () => {
  it('is named by the pdf renderer for its evidence variant only', () => {
    expect(pdf.indexEntry?.(optionsOf({ variant: 'evidence' }))).toEqual({
      kind: 'Evidence and data',
      titlePrefix: EVIDENCE_PREFIX,
    });
    expect(pdf.indexEntry?.(optionsOf({}))).toBeUndefined();
    expect(pdf.indexEntry?.(optionsOf({}, true))).toBeUndefined();
    for (const format of ['pptx', 'html']) expect(rendererFor(format).indexEntry).toBeUndefined();
  });

  it('is listed with its own kind, the briefing beside it with its own', async () => {
    const loaded = await loadDatasetFile(join(ROOT, 'data', 'korea-emerging-tech.yaml'));
    if (!loaded.dataset) throw new Error('the shipped dataset does not load');
    const jobs = new Map<string, IndexJob>([
      ['briefing', { format: 'pdf', model: 'briefing' }],
      ['briefing-evidence', { format: 'pdf', model: 'briefing', kind: 'Evidence and data' }],
    ]);
    const output = (path: string, job: string, title: string): ManifestOutput => ({
      path,
      job,
      title,
      bytes: 1000,
      sha256: createHash('sha256').update(path).digest('hex'),
      key: 'k',
      inputs: {},
    });
    const page = indexPageOf({
      manifest: {
        manifestVersion: 1,
        briefkitVersion: '9.9.9',
        buildTime: '2025-07-15T00:00:00.000Z',
        inputFiles: {},
        outputs: [
          output('briefing.pdf', 'briefing', 'The briefing'),
          output('briefing-evidence.pdf', 'briefing-evidence', `${EVIDENCE_PREFIX}The briefing`),
        ],
      },
      dataset: loaded.dataset,
      jobs,
      chartTitles: new Map(),
      thumbnails: new Map(),
    });
    const rows = new Map(page.documents.map((d) => [d.path, d]));
    expect(rows.get('briefing.pdf')).toMatchObject({ kind: 'Briefing', title: 'The briefing' });
    expect(rows.get('briefing-evidence.pdf')).toMatchObject({
      kind: 'Evidence and data',
      title: 'Evidence and data: The briefing',
    });
  });
});
