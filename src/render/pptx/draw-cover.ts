/** The slides without a body: the cover (title, subtitle, byline) and a section divider. */
import { isRightToLeftParagraph } from '../../text/runs.js';
import { type DrawContext, fitSize, textHeight } from './draw-context.js';
import { type DeckTheme, drawLabel, scriptedText } from './draw-text.js';
import { COVER_TITLE, SECTION_TITLE } from './master.js';
import type { PptxSlide } from './pptx-types.js';
import { hex } from './pptx-types.js';
import { oneLine } from './sanitize.js';
import type { Planned } from './slide-plan.js';
import { blockParas } from './styled-runs.js';

/** The slide's title placeholder, set at `size`. */
export function placeTitle(slide: PptxSlide, title: string, size: number, theme: DeckTheme): void {
  const text = oneLine(title);
  // The size goes on the runs: pptxgenjs lays the placeholder's own options (the master's 40,
  // 36 or 28 pt) over the text's, so a title fitted smaller was drawn at the master's size
  // and ran over what sits below it.
  const place = { first: true, last: true, rtl: isRightToLeftParagraph(text) };
  const runs = scriptedText(text, { fontSize: size }, theme, place);
  slide.addText(runs, { placeholder: 'title', fontSize: size, align: 'left' });
}

/** The text blocks of a title or section slide as one line. */
function blocksText(p: Planned): string {
  return oneLine(
    blockParas(p.slide.blocks)
      .map((para) => para.runs.map((r) => (r.superscript ? '' : r.text)).join(''))
      .join(' · '),
  );
}

export function drawCover(slide: PptxSlide, p: Planned, ctx: DrawContext): void {
  const title = oneLine(p.slide.title);
  const titleSize = fitSize(title, COVER_TITLE, 40, 24, ctx, true);
  ctx.bounds.label('title', title, titleSize, COVER_TITLE, true, p.slide.titlePos);
  placeTitle(slide, title, titleSize, ctx.theme);
  const meta = ctx.deck.meta;
  const subtitle = oneLine(p.slide.subtitle ?? meta.subtitle ?? '');
  // The subtitle starts under the title as measured at its size (the title box is anchored at
  // its top), so a title of three lines pushes it down and one of one line does not leave a gap.
  const titleH = textHeight(title, titleSize, COVER_TITLE, ctx, true);
  const subBox = {
    x: COVER_TITLE.x,
    y: COVER_TITLE.y + Math.min(titleH, COVER_TITLE.h) + 0.25,
    w: COVER_TITLE.w,
    h: 0.9,
  };
  const subSize = fitSize(subtitle, subBox, 22, 14, ctx);
  ctx.bounds.label('subtitle', subtitle, subSize, subBox, false, p.slide.subtitlePos);
  drawLabel(slide, subtitle, subBox, ctx.theme, {
    fontSize: subSize,
    color: hex(ctx.theme.colours.accentLight),
  });
  // The template's own words under the title win; the metadata byline is the fallback.
  const byline =
    blocksText(p) ||
    [...new Set([meta.publisher, meta.organisation, meta.author]), meta.asOfLabel]
      .filter(Boolean)
      .map((t) => oneLine(t ?? ''))
      .join(' · ');
  const byBox = { x: COVER_TITLE.x, y: 5.45, w: COVER_TITLE.w, h: 0.45 };
  const bySize = fitSize(byline, byBox, 16, 11, ctx);
  ctx.bounds.label('byline', byline, bySize, byBox, false, p.slide.blocks[0]?.pos);
  drawLabel(slide, byline, byBox, ctx.theme, { fontSize: bySize, color: 'FFFFFF' });
}

export function drawSection(slide: PptxSlide, p: Planned, ctx: DrawContext): void {
  const title = oneLine(p.slide.title);
  const titleSize = fitSize(title, SECTION_TITLE, 36, 24, ctx, true);
  ctx.bounds.label('title', title, titleSize, SECTION_TITLE, true, p.slide.titlePos);
  placeTitle(slide, title, titleSize, ctx.theme);
  const subtitle = oneLine(p.slide.subtitle ?? '') || blocksText(p);
  const box = { x: SECTION_TITLE.x, y: SECTION_TITLE.y + SECTION_TITLE.h + 0.2, w: SECTION_TITLE.w, h: 1.1 };
  const subSize = fitSize(subtitle, box, 20, 14, ctx);
  ctx.bounds.label('subtitle', subtitle, subSize, box, false, p.slide.subtitlePos ?? p.slide.blocks[0]?.pos);
  drawLabel(slide, subtitle, box, ctx.theme, { fontSize: subSize });
}
