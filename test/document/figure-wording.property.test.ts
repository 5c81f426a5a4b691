/**
 * Property: for a generated dataset (test/document/wording-cases.ts: several investments of any
 * years, period, fiscal years, basis, status, actor, hedge, decision date and administration,
 * with recipients, places, parts and disagreeing sources; targets with fiscal years, hedges,
 * ranges and disagreeing sources; an indicator and programmes whose sources disagree;
 * a partnership; administrations with terms, one of them in office at the as-of date or
 * none), every sentence the shipped briefing template renders for a generated record keeps
 * the rules: the tense follows the as-of date, the subject is the record's actor (the
 * government in office at its date, by name, where the data says), the period and fiscal
 * years are said, and so are the source's hedge and the other sources' statements. The oracle
 * below is written from the rules, not from src/document/ or src/derive/.
 *
 * Fewer, broader cases: each builds one briefing that holds many generated records.
 * Replay a failure with FC_SEED=<seed> npx vitest run test/document/figure-wording.property.test.ts
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { buildBriefingModel } from '../../src/document/build-models.js';
import type { Briefing } from '../../src/document/model.js';
import { testCatalogue } from './catalogue.js';
import { dataset, FIXTURE, runsText, TEMPLATES } from './support.js';
import {
  AS_OF,
  caseDataset,
  figureAmount,
  type GeneratedFigure,
  type GeneratedPartner,
  type GeneratedTarget,
  TERMS,
  type WordingCase,
  wordingCase,
  type Years,
} from './wording-cases.js';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
console.log(`fast-check seed: ${seed} (replay with FC_SEED=${seed})`);

let fixture: Dataset;
beforeAll(async () => {
  fixture = await dataset(FIXTURE);
});

// ── The oracle: the rules, stated independently ─────────────────────────────

/** Is the last year over as of 1 March 2024? Fiscal year N runs April N to March N + 1. */
function isPast(when: Years, fiscal: boolean): boolean {
  const last = 'year' in when ? when.year : 'period' in when ? when.period.to : undefined;
  if (last === undefined) return false;
  return fiscal ? last <= 2022 : last <= 2023;
}

/** Who is in office on a day (all generated dates are days), by the terms of wording-cases.ts. */
function inOffice(day: string | undefined, withCurrent: boolean): string | undefined {
  if (day === undefined || day > AS_OF) return undefined;
  if (day >= '2023-09-01') return withCurrent ? 'Carr cabinet' : undefined;
  if (day >= '2022-05-10') return 'Berg cabinet';
  if (day >= '2019-05-01') return 'Aho cabinet';
  return undefined;
}

const nameOf = (id: string | undefined) => TERMS.find((t) => t.id === id)?.name;

// Finite present forms only: "was expected to propose" has an infinitive, not a present tense.
const PRESENT_WORDS = /\b(plans|plan to|aims|aim for|has|have|is|are|proposes)\b/;
const PAST_WORDS = /\b(planned to|aimed for|was|were)\b/;
const STAGE_WORDS = /\b(plans?|planned|allocat\w*|spen[dt]|pledged?|decided|mobilise|aims?|aimed)\b/;
const MESSY = / {2}| [,.;)]|,,|\( /;

function checkFigureSentence(
  line: string,
  f: GeneratedFigure,
  amount: string,
  c: WordingCase,
  first: boolean,
): void {
  const sentence = line.split('[')[0] ?? '';
  expect(sentence).toContain(amount);
  // The subject: a name as written, else the government in office at its date, by name.
  const government = f.actor === undefined || f.actor === 'government';
  const administration = nameOf(f.administration) ?? inOffice(f.date, c.withCurrent);
  // The verb is past when the years are over, or when the government that acts is out of office
  // as of 1 March 2024: every cabinet but Carr's (Aho's successor took office, Berg's term ended).
  const formerGovernment =
    government && !f.actorName && administration !== undefined && administration !== 'Carr cabinet';
  if (isPast(f.when, f.fiscal) || formerGovernment) expect(sentence).not.toMatch(PRESENT_WORDS);
  else expect(sentence).not.toMatch(PAST_WORDS);
  // A figure without a status is stated as the actor's: "TSMC's investment … is …".
  const owner = f.status === undefined ? "('s?)? " : ' ';
  // A name as written, but a leading article starts the sentence in capitals: "The Ministry …".
  const name = f.actorName?.replace(/^the /, 'The ');
  if (name) expect(sentence).toMatch(new RegExp(`^${escapeRegExp(name)}${owner}`));
  else if (government) expect(sentence).toMatch(new RegExp(`^The ${administration ?? 'government'}${owner}`));
  else if (f.actor !== 'agency') expect(sentence).not.toMatch(/government|cabinet/i);
  if (!government || f.actorName) expect(sentence).not.toContain('government plans');
  // The period and the kind of year.
  const fy = f.fiscal ? 'fiscal ' : '';
  if ('period' in f.when) {
    const { from, to } = f.when.period;
    if (from !== undefined && to !== undefined) expect(sentence).toMatch(new RegExp(`${from}(–| to )${to}`));
    else if (from !== undefined) expect(sentence).toContain(`from ${fy}${from}`);
    else expect(sentence).toMatch(new RegExp(`(by|until) ${fy}${to}`));
  } else if ('year' in f.when) expect(sentence).toContain(`${fy}${f.when.year}`);
  // No year the record does not have: not one year is printed (the amounts have none).
  else expect(sentence).not.toMatch(/\b(19|20)\d\d\b/);
  // No stage the record does not have: no verb of planning, allocating, spending or pledging.
  if (f.status === undefined && f.modality !== 'planned') expect(sentence).not.toMatch(STAGE_WORDS);
  if (f.basis === 'annual') expect(sentence).toMatch(f.status === undefined ? /\bannual\b/ : /\ba year\b/);
  if (f.status === undefined && f.modality)
    expect(sentence).toMatch(new RegExp(`${f.modality} (annual |total )?investment`));
  else if (f.modality === 'expected' || f.modality === 'anticipated')
    expect(sentence).toContain(`${f.modality} to`);
  // A decision or a pledge says so, in its own word, never as money allocated (a hedge has its own words).
  if ((f.status === 'decided' || f.status === 'pledged') && f.modality === undefined) {
    expect(sentence).toMatch(new RegExp(`\\b${f.status} to\\b`));
    expect(sentence).not.toMatch(/\b(has|have) allocated\b/);
  }
  // The source's verb, where it names one, in every form: "pledged to provide", "has earmarked".
  if (f.verb && f.status && f.status !== 'proposed' && f.status !== 'target')
    expect(sentence).toContain(f.verb.slice(0, 6));
  // Recipients and places as written, each after its preposition.
  for (const name of f.recipients) expect(sentence).toContain(name);
  if (f.recipients.length > 0)
    expect(sentence).toMatch(new RegExp(`\\b(to|in|for) ${escapeRegExp(f.recipients[0] ?? '')}`));
  if (f.places.length > 0) expect(sentence).toContain(` in ${f.places[0]}`);
  // Sources that differ: both statements, each cited, at the figure's first mention; nothing
  // after (the difference is explained once). Another source's figure for another scope or date is what it reported, not a
  // disagreement, and is said at the first mention only.
  // (A running total carries its parts' qualifier here too: see checks on the whole below.)
  const scoped = f.alternatives.length > 0 && (f.alternativeScope ?? f.alternativeDate) !== undefined;
  const disagrees = f.alternatives.length > 0 && !scoped;
  expect(
    /Sources differ: (up to |about )?€[\d.]+ billion according to/.test(line) && line.includes(amount),
  ).toBe(disagrees && first);
  expect(line).not.toContain('as noted earlier');
  for (const a of f.alternatives) {
    if (disagrees && first) expect(line).toMatch(new RegExp(`€${a} billion according to [^[]+\\[\\d+\\]`));
    const when = f.alternativeDate ? ' on 10 February 2024' : '';
    const what = f.alternativeScope ? ` for ${f.alternativeScope}` : '';
    expect(line.includes(`reported €${a} billion${when}${what}[`)).toBe(scoped && first);
  }
}

function checkTarget(line: string, t: GeneratedTarget, i: number, outlook: boolean, first: boolean): void {
  const fy = t.fiscal ? 'fiscal ' : '';
  if (outlook) expect(line.startsWith(`${t.fiscal ? 'Fiscal ' : ''}${t.year}: Aim ${i}`)).toBe(true);
  else expect(line).toContain(`by ${fy}${t.year}`);
  if (t.modality) {
    expect(line).toContain(`, ${t.modality}`);
    expect(line.includes(`${t.modality} (the sources do not say whether it happened)`)).toBe(
      isPast({ year: t.year }, t.fiscal),
    );
  } else expect(line).not.toContain('the sources do not say whether it happened');
  if (t.range) expect(line).toContain(`${t.range[0]}–${t.range[0] + t.range[1]} wafers a month`);
  const scoped = t.alternative !== null && t.alternativeScope !== undefined;
  const disagrees = t.alternative !== null && !scoped;
  expect(line.includes('(sources differ: ')).toBe(disagrees && first);
  expect(line).not.toContain('as noted earlier');
  if (disagrees && first)
    expect(line).toMatch(new RegExp(`about ${t.alternative} [a-z ]+ according to [^[]+\\[\\d+\\]\\)`));
  expect(line.includes(`reported about ${t.alternative} `)).toBe(scoped && first);
  if (scoped && first)
    expect(line).toMatch(
      new RegExp(`reported about ${t.alternative} [a-z ]+ for ${t.alternativeScope}\\[\\d+\\]\\)`),
    );
}

function checkPartner(line: string, p: GeneratedPartner, country: string): void {
  const parties = `${p.party ?? country} and ${p.counterparty}`;
  // Names as written; only the first letter of a sentence is capitalised.
  if (p.date === undefined) {
    expect(line.slice(1)).toContain(parties.slice(1));
    expect(line).toMatch(/ have (signed|issued|formed) /);
  } else {
    expect(line).toContain(parties);
    expect(line.startsWith(/^\d{4}-\d{2}-\d{2}$/.test(p.date) ? 'On ' : 'In ')).toBe(true);
    // A year or month that has begun is not after the as-of date.
    if (p.date > AS_OF.slice(0, p.date.length)) expect(line).toMatch(/ are to (sign|issue|form) /);
    else expect(line).toMatch(/ (signed|issued|formed) /);
  }
  if (p.term)
    expect(line).toContain(
      p.term[1] === 0 ? `running in ${p.term[0]}` : `running ${p.term[0]}–${p.term[0] + p.term[1]}`,
    );
  expect(line).toMatch(/\[\d+\]\.$/);
}

// ── Reading the briefing ─────────────────────────────────────────────────────

/** Each section's printed lines, with the level-2 heading each stands under. */
/** Each table row of a section as one line, its cells joined by " | ". */
function tableRows(model: Briefing, section: string): string[] {
  return (model.sections.find((s) => s.title === section)?.blocks ?? []).flatMap((b) =>
    b.type === 'table' ? b.rows.map((row) => row.map(runsText).join(' | ')) : [],
  );
}

function lines(model: Briefing): { section: string; heading: string; text: string }[] {
  // The cover's takeaways come first in the document (the template writes them under Summary).
  const takeaways = model.takeaways.map((t) => ({ section: 'Summary', heading: '', text: runsText(t) }));
  return [
    ...takeaways,
    ...model.sections.flatMap((s) => {
      let heading = '';
      let lead = '';
      return s.blocks.flatMap((b) => {
        if (b.type === 'heading') heading = runsText(b.children);
        // Neighbouring figures that open alike are said as a lead and a list of amounts
        // ("The Ministry of Industry pledged:"): an item is read with its lead, as a reader does.
        const withLead = (item: string) =>
          s.title === 'Investment' && lead.endsWith(':') ? `${lead.slice(0, -1)} ${item}` : item;
        const texts =
          b.type === 'paragraph'
            ? [runsText(b.children)]
            : b.type === 'list'
              ? b.items.map((item) => withLead(runsText(item)))
              : [];
        lead = b.type === 'paragraph' ? runsText(b.children) : '';
        return texts.map((text) => ({ section: s.title, heading, text }));
      });
    }),
  ];
}

describe(`every sentence rendered for a generated dataset (as of ${AS_OF})`, () => {
  it('keeps tense, actor and government, period, hedge and the other sources', () => {
    fc.assert(
      fc.property(wordingCase, (c) => {
        const data = caseDataset(fixture, c);
        const result = buildBriefingModel({
          dataset: data,
          charts: testCatalogue(data),
          templatesDir: TEMPLATES,
        });
        expect(result.diagnostics).toEqual([]);
        const model = result.model as Briefing;
        const all = lines(model);
        for (const l of all) expect(l.text, l.text).not.toMatch(MESSY);
        // Figures: every sentence that states one (summary and investment section) keeps its rules.
        c.figures.forEach((f, i) => {
          const amount = `€${figureAmount(i)} billion`;
          const stating = all.filter(
            (l) => (l.section === 'Investment' || l.section === 'Summary') && l.text.includes(amount),
          );
          expect(stating.length).toBeGreaterThan(0);
          stating.forEach((l, k) => {
            checkFigureSentence(l.text, f, amount, c, k === 0);
          });
        });
        // Parts: said with their whole, once, never as a figure of their own.
        const whole = all.find(
          (l) => l.section === 'Investment' && l.text.includes(`€${figureAmount(0)} billion`),
        );
        // A running total is said to be one, and is no surer than its parts: "a total of up to …".
        const first = c.figures[0];
        const wholeSentence = (whole?.text ?? '').split(', of which')[0] ?? '';
        if (first?.basis === 'cumulative' && first.status) expect(wholeSentence).toMatch(/\ba total of\b/);
        if (first?.basis === 'cumulative' && c.parts.length > 0 && c.partQualifier !== 'exact')
          expect(wholeSentence).toContain(
            `${c.partQualifier === 'up-to' ? 'up to' : 'about'} €${figureAmount(0)} billion`,
          );
        else expect(wholeSentence).not.toMatch(/(up to|about) €\d/);
        for (const part of c.parts) {
          const text = `€${part} million`;
          expect(whole?.text).toContain(text);
          for (const l of all) expect(l.text.split(', of which')[0]).not.toContain(text);
        }
        // Targets, in their sector's list and, while their date is ahead, in the outlook (a date
        // gone by is not one to watch); the other sources in full where the target comes first.
        c.targets.forEach((t, i) => {
          const outlook = all.filter((l) => l.section === 'What to watch' && l.text.includes(`Aim ${i} `));
          const ahead = !isPast({ year: t.year }, t.fiscal);
          expect(outlook).toHaveLength(ahead ? 1 : 0);
          const inSector = all.find((l) => l.section === 'Focus sectors' && l.text.includes(`Aim ${i}:`));
          const sectorFirst =
            !outlook[0] || (inSector !== undefined && all.indexOf(inSector) < all.indexOf(outlook[0]));
          if (outlook[0]) checkTarget(outlook[0].text, t, i, true, !sectorFirst);
          const own =
            (inSector?.text ?? '').split(/; (?=Aim \d)/).find((part) => part.includes(`Aim ${i}:`)) ?? '';
          checkTarget(own, t, i, false, sectorFirst);
        });
        // The indicator's card: the other source's value in its note.
        const cards = model.sections.flatMap((s) =>
          s.blocks.flatMap((b) => (b.type === 'kpi' ? b.items : [])),
        );
        for (const card of cards.filter((k) => k.label.startsWith('Share of the market')))
          expect(card.note ?? '').toEqual(
            c.indicatorAlternative === null
              ? ''
              : expect.stringMatching(
                  new RegExp(
                    `^sources differ: 20% according to .+, ${c.indicatorAlternative}% according to .+$`,
                  ),
                ),
          );
        // Programmes: under the government in office at their date; the sum stated once, in the
        // Investment section (issue 14), other sources' budgets said in full there and not again,
        // what a budget covers said with it; the programme lists name it without the sum.
        c.programmes.forEach((p, i) => {
          const budget = `€${11 + i} billion`;
          const covers =
            p.budgetScope === 'wider'
              ? ' for the programme as a whole, which covers roads, ports and schools'
              : p.budgetScope === 'own'
                ? ' for roads, ports and schools'
                : '';
          const mentions = [
            ...all.filter((l) => l.section === 'Investment').map((l) => l.text),
            ...tableRows(model, 'Investment'),
          ].filter((t) => t.includes(budget));
          expect(mentions.length).toBeGreaterThan(0);
          mentions.forEach((t, k) => {
            expect(t.includes(`(sources differ: ${budget} according to`)).toBe(p.alternative && k === 0);
            expect(t).not.toContain('as noted earlier');
            if (covers) expect(t).toContain(`(budget${covers})`);
            else expect(t).not.toContain(`${budget} for `);
          });
          const listed = all.filter(
            (l) =>
              (l.section === 'Focus sectors' || l.section === 'Strategies and programmes') &&
              l.text.includes(budget),
          );
          expect(listed).toEqual([]);
          const line = all.find(
            (l) => l.section === 'Strategies and programmes' && new RegExp(`^Programme ${i}\\b`).test(l.text),
          );
          expect(line?.text).toContain(`: a sum${covers}`);
          expect(line?.text).toContain(', stated in the Investment section');
          const government = inOffice(p.date, c.withCurrent);
          expect(line?.heading).toBe(
            government ? `Under the ${government}` : 'Other strategies and programmes',
          );
        });
        // Only the government in office at the as-of date is called current, and only if there is one.
        const current = all.filter((l) => l.text.includes('in office at the as-of date'));
        // It closes "What to watch", which has a date still ahead or an analyst's watch item.
        const dated = c.targets.length > 0 || c.figures.some((f) => f.status === 'target');
        const ahead =
          c.targets.some((t) => !isPast({ year: t.year }, t.fiscal)) ||
          c.figures.some((f) => f.status === 'target' && !isPast(f.when, f.fiscal));
        const outlook = dated && (ahead || data.analysis.watch.length > 0);
        expect(current.map((l) => l.text.slice(0, 66))).toEqual(
          c.withCurrent && outlook
            ? ['The Carr cabinet, in office at the as-of date, took office on 1 Se']
            : [],
        );
        // No other government is said to have taken office as if it were the one in office now.
        expect(all.filter((l) => l.text.includes('took office'))).toEqual(current);
        // The partnership.
        const partner = all.filter((l) => l.section === 'Partners and agreements');
        expect(partner).toHaveLength(1);
        checkPartner(partner[0]?.text ?? '', c.partner, data.meta.country);
      }),
      { numRuns: 40, seed },
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
