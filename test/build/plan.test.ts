import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BuildConfig } from '../../src/pipeline/config.js';
import { inShard, parseShard, planDocuments, selectOnly } from '../../src/pipeline/jobs.js';
import { rendererFor } from '../../src/render/registry.js';

const config: BuildConfig = {
  datasets: ['data/x.yaml'],
  theme: 'templates/theme.yaml',
  templates: 'templates',
  charts: 'templates/charts',
  out: 'out',
  pdf: { pageSize: 'A4', pdfa: false },
  documents: [
    { id: 'briefing', template: 'briefing.md.hbs', format: 'pdf', output: 'briefing.pdf', params: {} },
    { id: 'deck', template: 'deck.md.hbs', format: 'pptx', output: 'deck.pptx', params: {} },
    {
      id: 'sector',
      template: 'sector.md.hbs',
      format: 'pdf',
      for: 'sectors',
      output: 'sectors/{sector}.pdf',
      params: { variant: 'one-pager', pageSize: 'LETTER' },
    },
  ],
};

describe('planDocuments', () => {
  it('fans a `for: sectors` document out to one job per sector', () => {
    const jobs = planDocuments(config, ['alpha', 'beta'], rendererFor);
    expect(jobs.map((j) => [j.id, j.output, j.options.variant, j.options.pageSize])).toEqual([
      ['briefing', 'briefing.pdf', 'briefing', 'A4'],
      ['deck', 'deck.pptx', undefined, undefined],
      ['sector-alpha', 'sectors/alpha.pdf', 'one-pager', 'LETTER'],
      ['sector-beta', 'sectors/beta.pdf', 'one-pager', 'LETTER'],
    ]);
  });
});

describe('sharding', () => {
  it('parses i/n and refuses the rest', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1-2', '']) expect(parseShard(bad)).toBeUndefined();
  });

  it('deals every job to exactly one shard, whatever the order of the input', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        (ids, count) => {
          const items = ids.map((id) => ({ id }));
          const shards = Array.from({ length: count }, (_, i) =>
            inShard(items, { index: i + 1, count }).map((j) => j.id),
          );
          const union = shards.flat();
          expect(union.length).toBe(ids.length);
          expect(new Set(union)).toEqual(new Set(ids));
          const reversed = inShard([...items].reverse(), { index: 1, count }).map((j) => j.id);
          expect(reversed).toEqual(shards[0]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('selectOnly', () => {
  it('matches job ids and document ids and reports unknown names', () => {
    const jobs = planDocuments(config, ['alpha', 'beta'], rendererFor);
    expect(selectOnly(jobs, ['sector']).selected.map((j) => j.id)).toEqual(['sector-alpha', 'sector-beta']);
    expect(selectOnly(jobs, ['deck', 'sector-beta']).selected.map((j) => j.id)).toEqual([
      'deck',
      'sector-beta',
    ]);
    expect(selectOnly(jobs, ['dekc']).unknown).toEqual(['dekc']);
  });
});
