/**
 * The minimal dataset of docs/dataset.md builds every shipped output (briefing PDF, deck,
 * one-pager, charts) with no diagnostic: a dataset that validates always builds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalDatasetText } from '../support/minimal-dataset.js';
import { buildIn, DATASET, makeProject } from './project.js';

describe('a build of the minimal dataset', () => {
  it('publishes every shipped output without a diagnostic', async () => {
    const dir = makeProject();
    writeFileSync(join(dir, DATASET), minimalDatasetText());
    const report = await buildIn(dir);
    expect(report.diagnostics).toEqual([]);
    expect(report.status).toBe('built');
    expect(report.published).toEqual(expect.arrayContaining(['briefing.pdf', 'deck.pptx', 'sectors/ai.pdf']));
  });
});
