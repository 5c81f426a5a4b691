/**
 * The deck of the multi-script fixture (test/fixtures/datasets/veloria-scripts-test-fixture.yaml):
 * every run names the face the stack chose in the OOXML slot PowerPoint reads for its script
 * (latin, ea, cs), with its language, and right-to-left paragraphs are marked rtl (issue 12).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckMeasurer } from '../../../src/render/pptx/measure.js';
import { resolveRunFonts, scriptPieces } from '../../../src/render/pptx/script-runs.js';
import { isRightToLeftParagraph } from '../../../src/text/runs.js';
import { textMeasurer } from '../../../src/theme/metrics.js';
import { cli, makeProject } from '../../build/project.js';
import { defaultTheme, testFonts } from '../../support/theme.js';
import { endToEndTools } from '../tools.js';
import { slideNames, text, unzip } from './deck-helpers.js';
import { pdfFontNames, sofficePdf } from './office.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** The fixture project with a deck that puts the local names and quotes on slides. */
function project(): string {
  const dir = makeProject();
  copyFileSync(
    join(FIXTURES, 'datasets', 'veloria-scripts-test-fixture.yaml'),
    join(dir, 'data', 'scripts.yaml'),
  );
  copyFileSync(
    join(FIXTURES, 'templates', 'scripts-deck.md.hbs'),
    join(dir, 'templates', 'scripts-deck.md.hbs'),
  );
  const config = readFileSync(join(dir, 'briefkit.config.yaml'), 'utf8')
    .replace('data/korea-emerging-tech.yaml', 'data/scripts.yaml')
    .replace(
      /documents:\n[\s\S]*$/,
      'documents:\n  - id: deck\n    template: scripts-deck.md.hbs\n    format: pptx\n    output: deck.pptx\n',
    );
  writeFileSync(join(dir, 'briefkit.config.yaml'), config);
  return dir;
}

interface DeckRun {
  text: string;
  lang: string;
  latin?: string;
  ea?: string;
  cs?: string;
}

const attr = (xml: string, pattern: RegExp) => pattern.exec(xml)?.[1];

function deckRuns(xml: string): DeckRun[] {
  return [...xml.matchAll(/<a:r><a:rPr\b([^>]*)>([\s\S]*?)<\/a:rPr><a:t>([^<]*)<\/a:t><\/a:r>/g)].map((m) => {
    const run: DeckRun = { text: m[3] ?? '', lang: attr(m[1] ?? '', /\blang="([^"]*)"/) ?? '' };
    for (const slot of ['latin', 'ea', 'cs'] as const) {
      const face = attr(m[2] ?? '', new RegExp(`<a:${slot} typeface="([^"]*)"`));
      if (face !== undefined) run[slot] = face;
    }
    return run;
  });
}

describe('the deck of a dataset in five scripts', () => {
  const dir = project();
  const build = cli(dir, ['build']);
  const parts = build.status === 0 ? unzip(readFileSync(join(dir, 'out', 'deck.pptx'))) : {};
  const slides = Object.keys(parts).length ? slideNames(parts).map((name) => text(parts, name)) : [];
  const runs = slides.flatMap(deckRuns);
  const runOf = (fragment: string) => runs.find((r) => r.text.includes(fragment));

  it('builds', () => {
    expect(build.status, build.stderr).toBe(0);
    expect(slides.length).toBe(3);
  });

  it('names each run’s face in the slot of its script, with its language', () => {
    expect(runOf('次世代水素')).toMatchObject({ ea: 'Noto Sans SC', latin: 'Pretendard', lang: 'zh-CN' });
    expect(runOf('水素は計画')).toMatchObject({ ea: 'Noto Sans SC', lang: 'ja-JP' });
    expect(runOf('氢能谷基金')).toMatchObject({ ea: 'Noto Sans SC', lang: 'zh-CN' });
    expect(runOf('전력망')).toMatchObject({ ea: 'Pretendard', lang: 'ko-KR' });
    expect(runOf('भंडारण')).toMatchObject({ cs: 'Noto Sans Devanagari', latin: 'Pretendard', lang: 'hi-IN' });
    expect(runOf('البحرية')).toMatchObject({ cs: 'Noto Sans Arabic', latin: 'Pretendard', lang: 'ar-SA' });
    expect(runOf('Grid storage')).toMatchObject({ latin: 'Pretendard', ea: 'Pretendard', cs: 'Pretendard' });
    // A run of one script only: the Latin label and the local name are separate runs.
    expect(runs.find((r) => /Grid storage.*ग्रिड/.test(r.text))).toBeUndefined();
  });

  it('gives the speaker notes per-script faces too, one paragraph per line', () => {
    const notes = Object.keys(parts)
      .filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name))
      .map((name) => text(parts, name));
    const noteRuns = notes.flatMap(deckRuns);
    const noteOf = (fragment: string) => noteRuns.find((r) => r.text.includes(fragment));
    expect(noteOf('次世代水素')).toMatchObject({ ea: 'Noto Sans SC', latin: 'Pretendard', lang: 'zh-CN' });
    expect(noteOf('البحرية')).toMatchObject({ cs: 'Noto Sans Arabic', lang: 'ar-SA' });
    expect(noteOf('ग्रिड')).toMatchObject({ cs: 'Noto Sans Devanagari', lang: 'hi-IN' });
    expect(noteOf('Programme names')).toMatchObject({ latin: 'Pretendard' });
    // The sources under the notes start their own paragraphs: no line break inside a run.
    for (const run of noteRuns) expect(run.text).not.toContain('\n');
  });

  it('leaves no face marker and no Hangul charset on other scripts', () => {
    for (const xml of Object.values(parts).map((bytes) => Buffer.from(bytes).toString('latin1'))) {
      expect(xml).not.toContain('briefkit-run');
      expect(xml).not.toContain('charset="-127"');
    }
  });

  it('marks paragraphs whose first strong character is right to left, and only those', () => {
    const paragraphs = slides.flatMap((xml) =>
      [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => m[1] ?? ''),
    );
    const arabicQuote = paragraphs.find((p) => p.includes('توفر معظم'));
    expect(arabicQuote).toMatch(/^<a:pPr[^>]*\brtl="1"/);
    // It starts at the right edge: LibreOffice reads algn="l" as the left edge even when rtl.
    expect(arabicQuote).toMatch(/^<a:pPr[^>]*\balgn="r"/);
    const arabicName = paragraphs.find((p) => p.includes('Offshore wind') && p.includes('البحرية'));
    expect(arabicName).toBeDefined();
    expect(arabicName).not.toContain('rtl="1"');
  });
});

describe('script pieces', () => {
  it('give Hebrew the complex-script slot, he-IL and a right-to-left paragraph', async () => {
    const stack = testFonts.stack(await defaultTheme());
    const pieces = scriptPieces('קרן המימן 2024', stack);
    expect(pieces).toHaveLength(1);
    const xml = `<a:rPr lang="en-US" dirty="0"><a:latin typeface="${pieces[0]?.fontFace}" charset="0"/><a:ea typeface="${pieces[0]?.fontFace}"/><a:cs typeface="${pieces[0]?.fontFace}"/></a:rPr>`;
    expect(resolveRunFonts(xml, 'en-150')).toBe(
      '<a:rPr lang="he-IL" dirty="0"><a:latin typeface="Pretendard"/><a:ea typeface="Pretendard"/><a:cs typeface="Noto Sans Hebrew"/></a:rPr>',
    );
    expect(isRightToLeftParagraph('“קרן המימן” fund')).toBe(true);
    expect(isRightToLeftParagraph('The “קרן המימן” fund')).toBe(false);
  });

  it('take the deck language for Han: a Japanese deck’s kanji are ja-JP', async () => {
    const stack = testFonts.stack(await defaultTheme());
    const [piece] = scriptPieces('次世代水素', stack);
    const xml = `<a:rPr lang="en-US"><a:ea typeface="${piece?.fontFace}"/></a:rPr>`;
    expect(resolveRunFonts(xml, 'ja')).toContain('lang="ja-JP"');
    expect(resolveRunFonts(xml, 'zh-Hant')).toContain('lang="zh-TW"');
  });
});

describe('deck measuring', () => {
  it('measures a word in the face the deck names for it, a symbol the primary lacks included', async () => {
    const stack = testFonts.stack(await defaultTheme());
    // Pretendard has no ∀: the splitter draws the whole word in a fallback (text/runs.ts).
    const word = 'Pa∀ssword';
    const [piece] = scriptPieces(word, stack);
    expect(piece?.face).toBeGreaterThan(0);
    expect(deckMeasurer(stack).width(word, 12)).toBe(textMeasurer(stack).width(word, 12));
    // Words in the primary face keep the per-character sum (the exact width kerns them narrower).
    expect(deckMeasurer(stack).width('Password', 12)).toBeGreaterThanOrEqual(
      textMeasurer(stack).width('Password', 12) - 1e-9,
    );
  });
});

const office = endToEndTools('the multi-script LibreOffice test', 'soffice', 'pdffonts', 'pdftotext');

describe.skipIf(!office)('the multi-script deck in LibreOffice with only the stack’s fonts', () => {
  it('draws each script in the face the deck names for it, and gives the text back', async () => {
    const dir = project();
    expect(cli(dir, ['build']).status).toBe(0);
    const stack = testFonts.stack(await defaultTheme());
    const fontDirs = stack.faces.flatMap((face) => [dirname(face.regularPath), dirname(face.boldPath)]);
    const { run, pdf } = sofficePdf(join(dir, 'out', 'deck.pptx'), join(dir, 'lo'), dir, { dirs: fontDirs });
    expect(run.status, run.stderr).toBe(0);
    const families = new Set(pdfFontNames(pdf).map((name) => name.split('-')[0]));
    // Each script from its own face; a substitute (Noto Sans Hebrew standing in for a missing
    // Devanagari face, say) would draw boxes and show up here.
    expect([...families].sort()).toEqual([
      'NotoSansArabic',
      'NotoSansDevanagari',
      'NotoSansSC',
      'Pretendard',
    ]);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    for (const phrase of ['次世代水素', '水素は計画の中心です。', '氢能谷基金', '전력망 저장 보조금'])
      expect(text).toContain(phrase);
  }, 180_000);
});
