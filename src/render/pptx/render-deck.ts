/**
 * The deck renderer: document model + its asset bag + theme → the bytes of an editable,
 * reproducible .pptx. Plans (measures and splits) first, then draws, then normalises the package.
 */
import type { DiagnosticSink } from '../../diagnostics.js';
import type { AssetBag, Deck } from '../../document/model.js';
import { shownTexts } from '../../document/shown-text.js';
import { escapeXml } from '../../text/xml.js';
import type { BuildFonts } from '../../theme/build-fonts.js';
import { typefaceCredits } from '../../theme/credits.js';
import type { Theme } from '../../theme/schema.js';
import type { FontStack } from '../../theme/stack.js';
import { DeckBounds } from './bounds.js';
import { type DrawContext, drawSlide } from './draw-slides.js';
import { type DeckTheme, drawLabel } from './draw-text.js';
import { footerText, notesText, slideSources } from './footer.js';
import { CONTENT_W, FOOTER_H, FOOTER_Y, inToPt, MARGIN_X, TYPE } from './geometry.js';
import { defineMasters, MASTER, WORDMARK_W } from './master.js';
import { deckMeasurer } from './measure.js';
import { normaliseDeck } from './package.js';
import { loadPptxGenJS, type Pptx } from './pptx-types.js';
import { oneLine, xmlSafe } from './sanitize.js';
import { type Planned, planDeck } from './slide-plan.js';

export interface DeckRenderOptions {
  /** The build date (SOURCE_DATE_EPOCH, else the dataset's as-of date): core.xml and zip times. */
  date: Date;
  /** Receives RENDER_OVERFLOW: text that cannot fit its box on the slide. */
  diagnostics?: DiagnosticSink;
  /** The build's fonts: the theme's stack measures and names every run's faces. */
  fonts: BuildFonts;
}

function setMetadata(pptx: Pptx, model: Deck, theme: Theme): void {
  const meta = model.meta;
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = oneLine(meta.title);
  pptx.subject = oneLine(meta.subject);
  pptx.author = oneLine(meta.author);
  // pptxgenjs escapes title, subject and author itself, but writes the company raw into app.xml.
  pptx.company = escapeXml(oneLine(meta.publisher ?? meta.organisation ?? meta.author), { apostrophe: true });
  pptx.theme = { headFontFace: theme.fonts.family, bodyFontFace: theme.fonts.family };
}

function deckColophon(model: Deck, stack: FontStack): string {
  const credits = typefaceCredits(
    stack,
    shownTexts(model).map((t) => t.text),
  );
  return xmlSafe(['Typefaces:', ...credits].join('\n'));
}

function masterOf(p: Planned): string {
  return p.kind === 'title' ? MASTER.title : p.kind === 'section' ? MASTER.section : MASTER.content;
}

export async function renderDeckPptx(
  model: Deck,
  assets: AssetBag,
  theme: Theme,
  options: DeckRenderOptions,
): Promise<Uint8Array> {
  const PptxGenJS = await loadPptxGenJS();
  const pptx = new PptxGenJS();
  setMetadata(pptx, model, theme);
  defineMasters(pptx, theme);
  const stack = options.fonts.stack(theme);
  const m = deckMeasurer(stack);
  const bounds = new DeckBounds(m, options.diagnostics);
  const drawTheme: DeckTheme = { ...theme, stack };
  const ctx: DrawContext = { pptx, deck: model, assets, theme: drawTheme, m, chartStyles: [], bounds };
  const footerW = CONTENT_W - WORDMARK_W - 0.8;
  // The physical slide (1-based) each model slide starts on: its continuations point there.
  const firstSlide = new Map<object, number>();
  let number = 0;
  const plannedSlides = [...planDeck(model, { theme, m, sources: model.sources, assets })];
  const last = plannedSlides[plannedSlides.length - 1];
  for (const planned of plannedSlides) {
    number += 1;
    if (!firstSlide.has(planned.slide)) firstSlide.set(planned.slide, number);
    bounds.slideNumber = number;
    bounds.slide = planned.slide;
    const slide = pptx.addSlide({ masterName: masterOf(planned) });
    drawSlide(slide, planned, ctx);
    const used = slideSources(planned, model.sources);
    // The sources slide shows the entries condensed; its notes carry them in full, URLs and all.
    const listed = planned.slide.layout === 'sources' ? model.sources : used;
    if (planned.kind !== 'title' && planned.kind !== 'section') {
      const footer = footerText(model.meta, used, inToPt(footerW), m);
      drawLabel(slide, footer, { x: MARGIN_X, y: FOOTER_Y, w: footerW, h: FOOTER_H }, drawTheme, {
        fontSize: TYPE.footer,
        valign: 'middle',
      });
    }
    const notes = notesText(planned, listed, firstSlide.get(planned.slide));
    // The deck's colophon: the last slide's notes credit the faces it is set in (theme/credits.ts).
    const colophon = planned === last ? deckColophon(model, stack) : '';
    const all = [notes, colophon].filter((t) => t !== '').join('\n\n');
    if (all) slide.addNotes(all);
  }
  const raw = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return normaliseDeck(raw, {
    date: options.date,
    chartStyles: ctx.chartStyles,
    language: model.meta.language,
    stack,
    readFont: (path) => options.fonts.read(path),
    ...(options.diagnostics ? { diagnostics: options.diagnostics } : {}),
  });
}
