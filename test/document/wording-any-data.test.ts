/**
 * Wording that stays true for any data (issue 13), checked on every sentence the shipped
 * templates print for the Korea data, the Veloria fixture and the Japan fixture, and on
 * generated names: names print as written, no stray spaces, "It draws on…" names all sources
 * or the most-cited, dated lists run in time order, fiscal years read as fiscal years.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { lowerFirst } from '../../src/dataset/wording.js';
import type { Briefing, Deck } from '../../src/document/model.js';
import { JAPAN, type PrintedText, printedTexts, type ShippedModels, shippedModels } from './shipped-texts.js';
import { dataset, FIXTURE, runsText, SHIPPED } from './support.js';

const data: Record<string, Dataset> = {};
const models: Record<string, ShippedModels> = {};
const NAMES = ['korea', 'veloria', 'japan'] as const;

beforeAll(async () => {
  data.korea = await dataset(SHIPPED);
  data.veloria = await dataset(FIXTURE);
  data.japan = await dataset(JAPAN);
  for (const name of NAMES) models[name] = shippedModels(data[name] as Dataset);
});

const texts = (name: string): PrintedText[] => printedTexts(models[name] as ShippedModels);

/** What a reader would see as a typing slip, with where it is. */
function spacingSlips(printed: readonly PrintedText[]): string[] {
  const slips: string[] = [];
  for (const { where, text } of printed) {
    const notes = where.startsWith('notes');
    // Speaker notes list sources as "Sources: [1] …": a citation only in run text.
    if (!notes && /\s\[\d+\]/.test(text)) slips.push(`${where}: space before a citation in "${text}"`);
    if (/\S {2,}\S/.test(text)) slips.push(`${where}: double space in "${text}"`);
    if (/ [.,;:!?)]/.test(text)) slips.push(`${where}: space before punctuation in "${text}"`);
    // "at at least ¥10 trillion": a template word next to the same word from a figure.
    const doubled = /\b(\p{L}+) \1\b/iu.exec(text);
    if (doubled) slips.push(`${where}: "${doubled[0]}" in "${text}"`);
  }
  return slips;
}

describe('the shipped templates on three datasets', () => {
  it.each(NAMES)('print no stray spaces for %s', (name) => {
    expect(spacingSlips(texts(name))).toEqual([]);
  });

  it('print no stray spaces when records leave out their optional text (no goals, no year)', () => {
    const v = data.veloria as Dataset;
    const bare: Dataset = {
      ...v,
      programs: v.programs.map(({ year: _year, ...p }) => ({ ...p, goals: [] })),
    };
    expect(spacingSlips(printedTexts(shippedModels(bare)))).toEqual([]);
  });

  it.each(NAMES)('print the names of sectors, channels, risks and fields as written for %s', (name) => {
    const d = data[name] as Dataset;
    const names = [...d.sectors, ...d.channels, ...d.risks, ...d.fields].map((r) => r.name);
    const lowered = names.map(lowerFirst).filter((n, i) => n !== names[i]);
    const all = texts(name).map((t) => t.text);
    // A lower-cased name after a list separator is the name re-cased by a template.
    for (const low of lowered)
      for (const text of all)
        expect(text, `${low} in "${text}"`).not.toMatch(
          new RegExp(`(: |, |; |and )${escapeRegExp(low)}(?=[,;.[]| and |$)`),
        );
  });

  it.each(NAMES)('say which sources the briefing draws on for %s', (name) => {
    const d = data[name] as Dataset;
    // The summary of a briefing without analysis; its methodology note when there are key judgements.
    const summary = (models[name] as ShippedModels).briefing.sections
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.type === 'paragraph' ? [runsText(b.children)] : []))
      .find((t) => /It draws on|The dataset behind it draws on/.test(t));
    expect(summary).toBeDefined();
    const ranked = byCitations(d);
    if (d.sources.length <= 3) for (const s of d.sources) expect(summary).toContain(s.title);
    else {
      // The dataset's count, said as the dataset's: the briefing's own list holds the sources it
      // cites, which can be fewer (a source cited only by a record the briefing does not show).
      expect(summary).toContain(
        `The dataset behind it draws on ${d.sources.length} sources; the most cited are`,
      );
      for (const s of ranked.slice(0, 2)) expect(summary).toContain(s.title);
    }
  });

  it.each(NAMES)('list dated things in time order for %s', (name) => {
    const m = models[name] as ShippedModels;
    for (const list of datedLists(m.briefing, m.deck)) {
      const years = list.map(firstYear);
      expect(years, list.join(' | ')).toEqual([...years].sort((a, b) => a - b));
    }
  });

  it('says "by fiscal 2027" once for a fiscal target, never "(fiscal 2027) by 2027"', () => {
    const all = texts('japan').map((t) => t.text);
    expect(all.filter((t) => /fiscal (\d{4}).{0,3} by \1/.test(t))).toEqual([]);
    expect(all.filter((t) => /by fiscal 2027/.test(t)).length).toBeGreaterThan(0);
    expect(all.filter((t) => /by (\S+ )?(\d{4}\)?).* by \2/.test(t) && t.length < 200)).toEqual([]);
  });
});

describe('dated programmes', () => {
  it('show their date where they have no year: in the budget table and the programme list', () => {
    const d = data.japan as Dataset;
    const dated = d.programs.filter((p) => p.date && p.year === undefined);
    expect(dated.length).toBeGreaterThan(0);
    const table = (models.japan as ShippedModels).briefing.sections
      .flatMap((s) => s.blocks)
      .find((b) => b.type === 'table' && b.header.map(runsText).includes('Year'));
    const rows = table?.type === 'table' ? table.rows.map((row) => row.map(runsText)) : [];
    for (const p of dated.filter((p) => p.budget && p.budgetYear === undefined)) {
      const row = rows.find((r) => r[0] === p.name);
      expect(row?.[2], p.name).not.toBe('–');
    }
    const all = texts('japan').map((t) => t.text);
    for (const p of dated)
      expect(
        all.some((t) => t.startsWith(`${p.name} (`)),
        p.name,
      ).toBe(true);
  });

  it('are not called "earlier" in the deck when they are not', () => {
    const deckText = JSON.stringify((models.japan as ShippedModels).deck);
    expect(deckText).not.toContain('Earlier strategies');
  });
});

describe('generated names', () => {
  it('print as written wherever a template lists them', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{3,8}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 8, maxLength: 8 }), (words) => {
        const v = data.veloria as Dataset;
        let next = 0;
        const rename = <T extends { name: string }>(r: T): T => ({ ...r, name: `${words[next++]} plan` });
        const renamed: Dataset = {
          ...v,
          sectors: v.sectors.map(rename),
          channels: v.channels.map(rename),
          risks: v.risks.map(rename),
        };
        const all = printedTexts(shippedModels(renamed))
          .map((t) => t.text)
          .join('\n');
        for (const w of words.slice(0, next)) expect(all).not.toContain(`${lowerFirst(w)} plan`);
      }),
      { numRuns: 3 },
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sources by how often the dataset cites them, most first; ties in dataset order. */
function byCitations(d: Dataset) {
  const counts = new Map<string, number>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const source = (value as { source?: unknown }).source;
      if (typeof source === 'string' && 'quote' in value) counts.set(source, (counts.get(source) ?? 0) + 1);
      Object.values(value).forEach(visit);
    }
  };
  visit(d);
  return [...d.sources].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
}

const YEAR = /\b(19|20)\d{2}\b/;
const firstYear = (text: string): number => Number(YEAR.exec(text)?.[0]);

/** The briefing's outlook list and the deck's "Dates to watch": each item opens with its year. */
function datedLists(briefing: Briefing, deck: Deck): string[][] {
  const outlook = briefing.sections.find((s) => s.title === 'What to watch');
  const lists = (outlook?.blocks ?? []).flatMap((b) => (b.type === 'list' ? [b.items.map(runsText)] : []));
  for (const slide of deck.slides) {
    const text = JSON.stringify(slide);
    if (!text.includes('Dates to watch')) continue;
    for (const b of [...slide.blocks, ...(slide.right ?? [])])
      if (b.type === 'list') {
        const items = b.items.map(runsText);
        if (items.every((t) => /^(fiscal )?\d{4}/.test(t))) lists.push(items);
      }
  }
  return lists;
}
