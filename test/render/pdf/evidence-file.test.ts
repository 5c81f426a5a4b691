/**
 * Issue 14: the briefing reads as a publication. With a companion evidence file (`evidence`
 * option) the shipped briefing's text carries no "Based on:" tails, no annex of quoted sentences,
 * no chart-data appendix and no typeface credits: its sources list names the companion file.
 * The companion (`variant: evidence`) holds every
 * sentence the briefing cites, under its source's number, and every figure's data table, and
 * the full typeface credits. Without the option the briefing keeps them as its own annex.
 */
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import { buildBriefingModel } from '../../../src/document/index.js';
import type { Briefing } from '../../../src/document/model.js';
import { tableRowQuote } from '../../../src/render/pdf/source-list.js';
import { buildCharts } from '../../support/charts.js';
import { bodyItems } from './page-flow.js';
import { allText, defaultTheme, open, renderModel } from './read.js';

const COMPANION = 'briefing-evidence.pdf';
const squeeze = (text: string) => text.replace(/\s+/g, '');

async function shipped(file = 'data/korea-emerging-tech.yaml') {
  const loaded = await loadDatasetFile(file);
  if (!loaded.dataset) throw new Error(`${file} does not load`);
  const charts = await buildCharts(loaded.dataset, await defaultTheme());
  const { model } = buildBriefingModel({
    dataset: loaded.dataset,
    charts: charts.catalogue,
    templatesDir: 'templates',
  });
  if (!model) throw new Error('no model');
  const briefing = model as Briefing;
  const assets = charts.assetsFor(briefing);
  const text = async (options: Parameters<typeof renderModel>[2]) => {
    const { bytes, diagnostics } = await renderModel(briefing, assets, options);
    expect(diagnostics).toEqual([]);
    const pdf = await open(bytes);
    // The body text without running heads and feet (artifacts), so a quote that runs onto the
    // next page reads whole.
    const body = (await bodyItems(pdf)).map((items) => items.map((item) => item.str).join(' ')).join(' ');
    return { pages: await allText(pdf), body, count: pdf.numPages };
  };
  return { model: briefing, assets, text };
}

describe('the briefing with its companion evidence file', async () => {
  const { model, assets, text } = await shipped();
  const [withCompanion, inline, evidence] = await Promise.all([
    text({ evidence: COMPANION }),
    text({}),
    text({ variant: 'evidence' }),
  ]);
  const quotes = model.sources.flatMap((s) => (s.quotes ?? []).map((q) => ({ source: s, quote: q })));

  it('prints no scaffolding: no "Based on:", no quoted sentences, no appendix, no licence text', () => {
    expect(quotes.length).toBeGreaterThan(0);
    const body = withCompanion.pages.join(' ');
    expect(body).not.toContain('Based on:');
    expect(body).not.toContain('Evidence: the sentences cited');
    expect(body).not.toContain('Appendix: chart data');
    expect(body).not.toContain('This Font Software is licensed');
    // The quotes are the sources' sentences: none is printed in the briefing as a quote.
    const squeezed = squeeze(body);
    for (const { quote } of quotes) expect(squeezed, quote).not.toContain(squeeze(tableRowQuote(quote)));
    expect(body).toContain(`companion file ${COMPANION}`);
    // No font licence on the reader's pages: the typeface credits are the companion's.
    expect(body).not.toMatch(/Typefaces|Open Font License/);
    expect(withCompanion.count).toBeLessThan(inline.count);
  });

  it('puts every sentence the briefing cites in the evidence file, under its source, with the data tables', () => {
    const all = evidence.pages.join(' ');
    const squeezed = squeeze(evidence.body);
    for (const { source, quote } of quotes) {
      const at = squeezed.indexOf(squeeze(tableRowQuote(quote)));
      expect(at, quote).toBeGreaterThan(-1);
      // The nearest source entry before the quote is its own.
      const entries = [...squeezed.slice(0, at).matchAll(/\[(\d+)\]/g)];
      expect(entries.at(-1)?.[1], quote).toBe(String(source.number));
    }
    for (const section of model.sections)
      for (const block of section.blocks)
        if (block.type === 'figure' && !block.continues)
          expect(squeezed).toContain(squeeze(`Figure ${block.number}: ${block.caption}`));
    expect(all).toContain('This Font Software is licensed');
    expect(all).not.toContain('Key judgements');
  });

  it("keeps the dataset's notes on its sources out of the reader's sources list, in the evidence", () => {
    const notes = model.sources.flatMap((s) => (s.note ? [squeeze(s.note)] : []));
    expect(notes.length).toBeGreaterThan(0);
    const briefing = squeeze(withCompanion.pages.join(' '));
    const companion = squeeze(evidence.pages.join(' '));
    for (const note of notes) {
      expect(briefing, note).not.toContain(note);
      expect(companion, note).toContain(note);
    }
  });

  it('gives the same evidence bytes for the same model', async () => {
    const first = await renderModel(model, assets, { variant: 'evidence' });
    const second = await renderModel(model, assets, { variant: 'evidence' });
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  it('keeps the evidence in the briefing itself when no companion file is named', () => {
    const squeezed = squeeze(inline.body);
    for (const { quote } of quotes) expect(squeezed, quote).toContain(squeeze(tableRowQuote(quote)));
    expect(squeezed).toContain(squeeze('Evidence: the sentences cited'));
    expect(squeezed).not.toContain(squeeze(`companion file ${COMPANION}`));
  });
});
