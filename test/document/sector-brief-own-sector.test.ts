/**
 * A one-pager speaks of its own sector (issue 14, the review of the Korea and Japan one-pagers:
 * "Why it matters" pasted channel summaries about other sectors, "What to watch" only repeated a
 * target). Every "Why it matters" item either quotes summary sentences that name the sector, word
 * for word, or is marked as our reading; every analyst watch item on the page rests on a record
 * of the sector. On Korea, Japan and datasets whose sector names are generated.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { names, sectorSentences, sectorTerms, sentences } from '../../src/document/helpers-sector-brief.js';
import type { Briefing } from '../../src/document/model.js';
import { propertyRuns } from '../support/property-runs.js';
import { JAPAN, shippedModels } from './shipped-texts.js';
import { dataset, runsText, SHIPPED } from './support.js';

let korea: Dataset;
let japan: Dataset;

beforeAll(async () => {
  korea = await dataset(SHIPPED);
  japan = await dataset(JAPAN);
});

/** The list items of a one-pager section, as text with citation marks. */
function items(page: Briefing, title: string): string[] {
  const section = page.sections.find((s) => s.title === title);
  return (section?.blocks ?? []).flatMap((b) => (b.type === 'list' ? b.items.map(runsText) : []));
}

/** The paragraphs of a one-pager section, as text with citation marks. */
function paragraphs(page: Briefing, title: string): string[] {
  const section = page.sections.find((s) => s.title === title);
  return (section?.blocks ?? []).flatMap((b) => (b.type === 'paragraph' ? [runsText(b.children)] : []));
}

/** The line naming the channels whose summaries name the sector in no sentence, as our reading. */
const OURS = /^(?:Also linked|Linked) to this sector, in our reading of the sources?: (.+)\.(?:\[\d+\])+$/u;

function checkPages(data: Dataset): { quoted: number; ours: number } {
  const pages = shippedModels(data).sectors;
  const counts = { quoted: 0, ours: 0 };
  data.sectors.forEach((sector, i) => {
    const page = pages[i];
    if (!page) throw new Error(`no page for ${sector.id}`);
    const terms = sectorTerms(sector);
    for (const item of items(page, 'Why it matters internationally')) {
      const channel = data.channels.find((c) => item.startsWith(`${c.name}: `));
      expect(channel, item).toBeDefined();
      expect(channel?.sectors).toContain(sector.id);
      const body = item.slice((channel?.name.length ?? 0) + 2).replace(/(\[\d+\])+$/u, '');
      if (body.startsWith('Our reading: ')) {
        counts.ours += 1;
        continue;
      }
      counts.quoted += 1;
      // The source's sentences as the dataset has them, each naming this sector.
      expect(channel?.summary, item).toContain(body);
      for (const s of sentences(body)) expect(names(s, terms), s).toBe(true);
    }
    for (const line of paragraphs(page, 'Why it matters internationally')) {
      const named = OURS.exec(line)?.[1];
      expect(named, line).toBeDefined();
      for (const name of (named ?? '').split('; ')) {
        const channel = data.channels.find((c) => c.name === name);
        expect(channel?.sectors, name).toContain(sector.id);
        // Named here only when no sentence of its summary names the sector.
        for (const s of sentences(channel?.summary ?? '')) expect(names(s, terms), s).toBe(false);
        counts.ours += 1;
      }
    }
    const watch = items(page, 'What to watch').filter((t) => t.startsWith('Our assessment: '));
    for (const line of watch) {
      const item = data.analysis.watch.find((w) => line.includes(w.text));
      expect(item, line).toBeDefined();
    }
  });
  return counts;
}

describe('a sector brief speaks of its own sector', () => {
  it('sectorSentences keeps only the sentences that name the sector, word for word', () => {
    const sector = { name: 'Contract chipmaking plants (foundry)', shortName: 'Foundry' };
    expect(sectorTerms(sector)).toEqual([
      'contract chipmaking plants (foundry)',
      'contract chipmaking plants',
      'foundry',
    ]);
    const text =
      'Memory gains. The foundry in Kumamoto opened. U.S.-led curbs hit foundry-made chips. Foundryman.';
    expect(sectorSentences(text, sector)).toBe(
      'The foundry in Kumamoto opened. U.S.-led curbs hit foundry-made chips.',
    );
    expect(sectorSentences('Nothing here.', sector)).toBe('');
  });

  it('on Korea: the quantum brief no longer opens with AI and robotics alone', () => {
    const counts = checkPages(korea);
    expect(counts.quoted).toBeGreaterThan(0);
    const quantum = shippedModels(korea).sectors[korea.sectors.findIndex((s) => s.id === 'quantum')];
    const why = quantum ? items(quantum, 'Why it matters internationally') : [];
    expect(why.join(' ')).not.toMatch(/deterrence strategy/u);
  });

  it('on the Japan fixture', () => {
    const counts = checkPages(japan);
    expect(counts.quoted + counts.ours).toBeGreaterThan(0);
  });

  it('on datasets with generated sector names: every item is marked as our reading', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{5,9}q$/u);
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: korea.sectors.length, maxLength: korea.sectors.length }),
        (words) => {
          const data = {
            ...korea,
            sectors: korea.sectors.map((s, i) => {
              const { inSentence: _i, shortName: _s, localName: _l, ...rest } = s;
              return { ...rest, name: words[i] ?? s.name };
            }),
          } as Dataset;
          const counts = checkPages(data);
          expect(counts.quoted).toBe(0);
          expect(counts.ours).toBeGreaterThan(0);
        },
      ),
      { numRuns: propertyRuns(3, 20) },
    );
  });
});
