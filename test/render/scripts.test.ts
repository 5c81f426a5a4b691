/**
 * A dataset in five scripts (test/fixtures/datasets/veloria-scripts-test-fixture.yaml) builds
 * with the shipped font stack: every face embedded and subset, the text extractable, the
 * briefing small (issue 12).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli, scriptsProject } from '../build/project.js';

// The shipped templates no longer place the record-count chart (issue 14: it says nothing about
// the policy), the one chart that draws every sector's name in its own script: this project does.
function countsProject(): string {
  return scriptsProject({
    briefing: '\n# Sector counts\n\n{{chart "sector-summary"}}\n',
    deckSlides:
      '<!-- layout: chart -->\n\n# The chart counts the records of each sector.\n\n{{chart "sector-summary"}}\n\n' +
      '<!-- notes: Counts from the dataset. Sources: {{sourceNote sectors}} -->\n\n---\n\n',
  });
}

describe('a dataset in Japanese, Chinese, Hindi, Arabic and Korean', () => {
  const dir = countsProject();
  const run = cli(dir, ['build']);
  const briefing = join(dir, 'out', 'briefing.pdf');

  it('builds with exit 0, the shipped deck included', () => {
    expect(run.status, run.stderr).toBe(0);
    // Figure 2's notes (stated amounts, pledges, proposals, ranges) run to three lines at 9 pt:
    // the caption band grows and the chart gives way (src/render/pptx/draw-slides.ts).
    expect(statSync(join(dir, 'out', 'deck.pptx')).size).toBeGreaterThan(0);
  });

  it('names the fallback faces in the East Asian and complex-script slots of the deck’s native charts', () => {
    const parts = unzipSync(readFileSync(join(dir, 'out', 'deck.pptx')));
    const charts = Object.entries(parts)
      .filter(([name]) => /^ppt\/charts\/chart\d+\.xml$/.test(name))
      .map(([, bytes]) => strFromU8(bytes));
    const local = charts.find((xml) => xml.includes('次世代水素'));
    expect(local).toBeDefined();
    const slots = [
      ...(local ?? '').matchAll(
        /<a:latin typeface="([^"]*)"\/><a:ea typeface="([^"]*)"\/><a:cs typeface="([^"]*)"\/>/g,
      ),
    ];
    expect(slots.length).toBeGreaterThan(0);
    for (const [, latin, ea, cs] of slots) {
      expect(latin).toBe('Pretendard');
      expect(ea).toBe('Noto Sans SC');
      expect(['Noto Sans Devanagari', 'Noto Sans Arabic']).toContain(cs);
    }
    // A chart in Latin text only keeps its one face.
    for (const xml of charts.filter((c) => !/[\u0600-\u06FF\u0900-\u097F\u3040-\u9FFF]/u.test(c)))
      expect(xml).not.toContain('Noto Sans');
  });

  it('embeds only subset fonts, the fallbacks among them, and stays under 1 MB', () => {
    const listing = execFileSync('pdffonts', [briefing], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const fonts = listing.map((line) => line.split(/\s+/));
    expect(fonts.map((f) => f[0]?.replace(/^[A-Z]{6}\+/, ''))).toEqual(
      expect.arrayContaining(['NotoSansSC-Regular', 'NotoSansDevanagari-Regular', 'NotoSansArabic-Regular']),
    );
    for (const line of listing) expect(line).toMatch(/ yes +yes +yes +\d+ +0$/);
    for (const f of fonts) expect(f[0]).toMatch(/^[A-Z]{6}\+/);
    expect(statSync(briefing).size).toBeLessThan(1024 * 1024);
  });

  it('gives back the charts’ Devanagari and Arabic labels exactly (pdftotext), marks drawn', () => {
    const svg = readFileSync(join(dir, 'out', 'charts', 'sector-summary.svg'), 'utf8');
    const labels = [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
    // The dataset's strings, as the chart draws them.
    for (const name of ['राष्ट्रीय ग्रिड भंडारण', 'طاقة الرياح البحرية'])
      expect(labels.some((label) => label.includes(name))).toBe(true);
    // The page the sector summary is drawn on (its place moves with the layout).
    const pages = execFileSync('pdftotext', [briefing, '-'], { encoding: 'utf8' }).split('\f');
    const page =
      pages.find((text) => /Figure \d+\. Programmes, targets and indicators per sector/.test(text)) ?? '';
    expect(page).toContain('Grid storage · राष्ट्रीय ग्रिड भंडारण');
    // Arabic is extracted from ToUnicode, not ActualText (pdftotext reads a right-to-left
    // ActualText backwards). A final teh marbuta drawn with the final heh glyph has a code of
    // its own (render/pdf/glyph-aliases.ts), and each word is set on its own so every space
    // falls between two words: the string comes back exactly, in the chart and in the table,
    // but for the embedding marks pdftotext puts around a right-to-left run.
    const unmarked = (text: string) => text.replace(/[\u202A-\u202E]/g, '');
    expect(unmarked(/^Wind · (.*)$/m.exec(page)?.[1] ?? '')).toBe('طاقة الرياح البحرية');
    // The data table is in the briefing's companion evidence file (the shipped config's).
    const evidence = execFileSync('pdftotext', [join(dir, 'out', 'briefing-evidence.pdf'), '-'], {
      encoding: 'utf8',
    }).split('\f');
    const rows = evidence.filter((text) => /^Wind · /m.test(text));
    expect(rows.length).toBeGreaterThan(0);
    for (const text of rows)
      expect(unmarked(/^Wind · (.*)$/m.exec(text)?.[1] ?? '')).toBe('طاقة الرياح البحرية');
  });

  it('gives back the Han and kana strings exactly (pdftotext), not Kangxi radicals', () => {
    const text = execFileSync('pdftotext', [briefing, '-'], { encoding: 'utf8' });
    expect(text).toContain('次世代水素');
    expect(text).not.toMatch(/[\u2E80-\u2FDF]/u);
    // Arabic is extracted as letters, not presentation forms.
    expect(text).toMatch(/[\u0600-\u06FF]/u);
    expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/u);
  });
});
