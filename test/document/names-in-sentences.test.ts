/**
 * Names are printed as written and never lower-cased (issue 13), so the shipped templates must
 * not put a name where a capital reads wrong: after a word of running prose ("faces Talent
 * shortage", "through Economic diplomacy") or inside a prose list ("…, and Talent shortage").
 * A name may open a text, a heading, a list item or a table cell, follow a label's colon or a
 * semicolon of a list of names, or stand in brackets. Checked on every printed text of the
 * briefing, the deck (slides and notes) and the one-pagers, for names in sentence case, title
 * case and with inner capitals.
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { printedTexts, shippedModels } from './shipped-texts.js';

const CITE = '[{ source: report, quote: The report says so. }]';
const SECTORS = ['Artificial intelligence', 'Next-generation Logic', 'R&D Infrastructure'];
const CHANNELS = ['Economic diplomacy', 'Supply-chain Security'];
const RISKS = ['Talent shortage', 'Rapidus funding gap', 'Power Supply'];
const FIELDS = ['Quantum sensing'];

const TEXT = `meta: { id: x, title: X, country: Japan, language: en, asOf: 2025-12-22, author: A, currency: JPY }
sources: [{ id: report, title: Report, publisher: Ministry }]
fields:
${FIELDS.map((n, i) => `  - { id: f${i}, name: ${n}, cite: ${CITE} }`).join('\n')}
sectors:
${SECTORS.map((n, i) => `  - { id: s${i}, name: ${n}, fields: [f0], summary: Summary ${i}., cite: ${CITE} }`).join('\n')}
programs:
  - { id: p0, name: Support framework, kind: plan, year: 2024, sectors: [s0, s1], budget: { amount: 10, currency: JPY, scale: trillion }, budgetStatus: pledged, cite: ${CITE} }
targets:
  - { id: t0, sectors: [s0], description: Chip sales, value: { amount: 15, unit: trillion yen }, year: 2030, cite: ${CITE} }
investments:
  - { id: v0, label: Aid, year: 2024, status: allocated, amount: { amount: 732, currency: JPY, scale: billion }, cite: ${CITE} }
indicators:
  - { id: i0, sector: s0, label: Share, value: { amount: 20, unit: percent }, year: 2023, cite: ${CITE} }
channels:
${CHANNELS.map((n, i) => `  - { id: c${i}, name: ${n}, summary: How ${i}., sectors: [s0, s1, s2], cite: ${CITE} }`).join('\n')}
risks:
${RISKS.map((n, i) => `  - { id: r${i}, name: ${n}, description: Why ${i}., cite: ${CITE} }`).join('\n')}
`;

function load(text: string): Dataset {
  const result = validateDatasetText(text, 'x.yaml');
  expect(result.diagnostics).toEqual([]);
  return result.dataset as Dataset;
}

/** What may stand right before a name: nothing, a label's colon, a list's semicolon, a bracket, a mark. */
const ALLOWED_BEFORE = /(?:^|[:;(·]\s*|\.\s+|\*\*|\n|\s·\s)$/;

function misplaced(text: string, name: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text.slice(Math.max(0, at - 40), at);
    if (!ALLOWED_BEFORE.test(before)) found.push(`…${before}[${name}]`);
  }
  return found;
}

describe('names in sentences', () => {
  it('never follow a word of running prose or a prose comma, in any output', () => {
    const texts = printedTexts(shippedModels(load(TEXT)));
    const problems = texts.flatMap((t) =>
      [...SECTORS, ...CHANNELS, ...RISKS, ...FIELDS].flatMap((name) =>
        misplaced(t.text, name).map((p) => `${t.where}: ${p}`),
      ),
    );
    expect(problems).toEqual([]);
    // And the names are there, as written.
    const all = texts.map((t) => t.text).join('\n');
    for (const name of [...CHANNELS, ...RISKS]) expect(all).toContain(name);
  });
});
