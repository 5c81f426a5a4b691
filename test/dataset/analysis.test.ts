/**
 * The `analysis` and `publication` sections (issue 14): the analyst's judgements rest on the
 * dataset's records, so every `basedOn` id must name one record, at its line with a hint; the
 * template data resolves them to those records and their citations.
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import { templateContext } from '../../src/document/template-data.js';
import { minimalDatasetText } from '../support/minimal-dataset.js';

const CITE = '[{ source: report, quote: The report says so. }]';
const PROGRAM = `programs:\n  - { id: ai-plan, name: AI plan, kind: plan, sectors: [ai], cite: ${CITE} }\n`;

function dataset(analysis: string, extra = PROGRAM): string {
  return `${minimalDatasetText()}${extra}${analysis}`;
}

const JUDGEMENT = (basedOn: string, sectors = '[ai]') =>
  `analysis:\n  judgements:\n    - id: j-ai\n      title: AI leads the strategy.\n      text: The plan says so.\n      basedOn: ${basedOn}\n      sectors: ${sectors}\n`;

describe('analysis', () => {
  it('accepts judgements, implications, watch items with a date or period, and limits', () => {
    const text = dataset(
      `${JUDGEMENT('[ai-plan, ai]')}  implications:\n    - { id: i-1, audience: partners, text: Expect talks., basedOn: [ai-plan] }\n  watch:\n    - { id: w-1, text: The plan's review., when: 2026-06, basedOn: [ai-plan] }\n    - { id: w-2, text: Delivery., when: { from: 2026, to: 2028 }, basedOn: [ai-plan] }\n  limits:\n    - { id: l-1, text: One source. }\n`,
    );
    expect(validateDatasetText(text, 'x.yaml').diagnostics).toEqual([]);
  });

  it('reports an unknown basedOn id at its line and column, with a did-you-mean hint', () => {
    const text = dataset(JUDGEMENT('[ai-plam]'));
    const [d, ...rest] = validateDatasetText(text, 'x.yaml').diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'REF_UNKNOWN', path: 'analysis.judgements[0].basedOn[0]' });
    const line = text.split('\n').findIndex((l) => l.includes('ai-plam')) + 1;
    expect(d?.line).toBe(line);
    expect(d?.column).toBe((text.split('\n')[line - 1] ?? '').indexOf('ai-plam') + 1);
    expect(d?.hint).toBe('did you mean "ai-plan"?');
  });

  it('reports an unknown sector and an id two lists share', () => {
    const shared = `${PROGRAM}risks:\n  - { id: ai-plan, name: Risk, description: A risk., cite: ${CITE} }\n`;
    const codes = validateDatasetText(dataset(JUDGEMENT('[ai-plan]', '[quantum]'), shared), 'x.yaml')
      .diagnostics.filter((d) => d.path?.startsWith('analysis'))
      .map((d) => [d.code, d.path]);
    expect(codes).toEqual([
      ['REF_DUPLICATE_ID', 'analysis.judgements[0].basedOn[0]'],
      ['REF_UNKNOWN', 'analysis.judgements[0].sectors[0]'],
    ]);
  });

  it('refuses a cite on an analysis item: analysis is never cited to a source', () => {
    const text = dataset(`analysis:\n  limits:\n    - { id: l-1, text: One source., cite: ${CITE} }\n`);
    expect(validateDatasetText(text, 'x.yaml').diagnostics.map((d) => d.code)).toEqual(['DATA_UNKNOWN_KEY']);
  });

  it('gives templates basedOn resolved to the records and their citations', () => {
    const result = validateDatasetText(
      dataset(
        `${JUDGEMENT('[ai-plan, ai]')}  watch:\n    - { id: w-1, text: Review., when: { from: 2026 }, basedOn: [ai] }\n`,
      ),
      'x.yaml',
    );
    if (!result.dataset) throw new Error('invalid');
    const context = templateContext(result.dataset, []);
    const analysis = context.analysis as {
      judgements: { basedOn: { id: string; list: string; name: string; cite: unknown[] }[] }[];
      watch: { date: unknown; period: unknown }[];
      limits: unknown[];
    };
    expect(analysis.judgements[0]?.basedOn.map(({ id, list, name }) => [id, list, name])).toEqual([
      ['ai-plan', 'programs', 'AI plan'],
      ['ai', 'sectors', 'Artificial intelligence'],
    ]);
    expect(analysis.judgements[0]?.basedOn[0]?.cite).toEqual([
      { source: 'report', quote: 'The report says so.', locator: null, translation: null },
    ]);
    expect(analysis.watch[0]).toMatchObject({ date: null, period: { from: 2026, to: null } });
    expect(analysis.limits).toEqual([]);
  });
});

describe('publication', () => {
  it('is optional; templates see every field, null when not given', () => {
    const result = validateDatasetText(minimalDatasetText(), 'x.yaml');
    if (!result.dataset) throw new Error('invalid');
    const context = templateContext(result.dataset, []);
    expect(context.publication).toEqual({
      publisher: null,
      authors: [],
      edition: null,
      version: null,
      published: null,
      licence: null,
      contact: null,
      citation: null,
    });
    expect(context.analysis).toEqual({ judgements: [], implications: [], watch: [], limits: [] });
  });

  it('checks its addresses and dates', () => {
    const text = `${minimalDatasetText()}publication:\n  publisher: { name: Institute, url: ftp://x.org }\n  published: 2025-13\n`;
    expect(validateDatasetText(text, 'x.yaml').diagnostics.map((d) => d.path)).toEqual([
      'publication.publisher.url',
      'publication.published',
    ]);
  });
});
