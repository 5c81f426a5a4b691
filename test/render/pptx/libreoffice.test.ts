/**
 * End to end: LibreOffice Impress opens the deck and prints one page per slide, and pdftotext
 * finds the slides' text in it. Skipped with a message when `soffice` or `pdftotext` is not
 * installed, failed when CI is set (../tools.ts). The theme font is given to LibreOffice
 * through a private fontconfig file, as a presenter's machine would have it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { testFonts } from '../../support/theme.js';
import { endToEndTools } from '../tools.js';
import { buildSample, defaultTheme } from './deck-helpers.js';
import { sofficePdf } from './office.js';

const available = endToEndTools('the LibreOffice end-to-end test', 'soffice', 'pdftotext');

const dir = mkdtempSync(join(tmpdir(), 'briefkit-pptx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!available)('LibreOffice', () => {
  it('converts the deck to a PDF with one page per slide and the slides text in it', async () => {
    const bytes = await buildSample();
    const deck = join(dir, 'deck.pptx');
    writeFileSync(deck, bytes);
    const slides = Object.keys(unzipSync(bytes)).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
    const fonts = testFonts.themeFiles(await defaultTheme());
    const { run } = sofficePdf(deck, dir, dir, { dirs: [dirname(fonts.regularPath)], system: true });
    expect(run.status, run.stderr).toBe(0);
    const pdf = readFileSync(join(dir, 'deck.pdf')).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBe(slides);
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'deck.pdf'), '-'], { encoding: 'utf8' });
    expect(text.status, text.stderr).toBe(0);
    for (const phrase of ['Key takeaways', '₩100 trillion', '반도체', 'Figure 1.', 'As of 15 July 2025']) {
      expect(text.stdout).toContain(phrase);
    }
  }, 180_000);
});
