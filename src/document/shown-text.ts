/**
 * The texts a document shows in the theme's fonts, each with the template position of the
 * block it is in (when the model knows it): what the glyph check (coverage.ts) reads.
 * Speaker notes are in: the deck names the stack's faces for them too (render/pptx/notes-runs.ts);
 * so is the word joiner the deck writes before its citation marks.
 */
import { WORD_JOINER } from '../text/line-break.js';
import { inlineText } from './markdown-inline.js';
import type { Block, Briefing, Deck, DocumentMeta, DocumentModel, TemplatePosition } from './model.js';

export interface ShownText {
  text: string;
  pos?: TemplatePosition;
}

export function shownTexts(model: DocumentModel): ShownText[] {
  return model.kind === 'briefing' ? briefingTexts(model) : deckTexts(model);
}

function briefingTexts(model: Briefing): ShownText[] {
  const out = metaTexts(model.meta);
  if (model.takeawaysTitle) out.push({ text: model.takeawaysTitle });
  for (const item of model.takeaways) out.push({ text: inlineText(item) });
  for (const section of model.sections) {
    out.push(at(section.title, section.pos));
    for (const block of section.blocks) out.push(...blockTexts(block));
  }
  out.push(...sourceTexts(model));
  return out;
}

function deckTexts(model: Deck): ShownText[] {
  const out = metaTexts(model.meta);
  for (const slide of model.slides) {
    out.push(at(slide.title, slide.pos), at(slide.subtitle ?? '', slide.pos), at(slide.notes, slide.pos));
    for (const block of [...slide.blocks, ...(slide.right ?? [])]) out.push(...blockTexts(block));
  }
  out.push(...sourceTexts(model));
  // The deck draws a word joiner before a citation mark that follows a word
  // (render/pptx/styled-runs.ts citationMark), so the fonts must have it when anything is cited.
  if (model.sources.length > 0) out.push({ text: WORD_JOINER });
  return out;
}

function metaTexts(meta: DocumentMeta): ShownText[] {
  return [
    meta.title,
    meta.subtitle ?? '',
    meta.shortTitle,
    meta.author,
    meta.organisation ?? '',
    meta.publisher ?? '',
    meta.asOfLabel,
  ].map((text) => ({ text }));
}

function sourceTexts(model: DocumentModel): ShownText[] {
  return model.sources.flatMap((s) =>
    [s.title, s.author ?? '', s.publisher ?? '', s.date ?? '', s.url ?? ''].map((text) => ({ text })),
  );
}

function blockTexts(block: Block): ShownText[] {
  const texts = (list: string[]) => list.map((text) => at(text, block.pos));
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return texts([inlineText(block.children)]);
    case 'list':
      return texts(block.items.map(inlineText));
    case 'table':
      return texts([...block.header, ...block.rows.flat()].map(inlineText).concat(block.caption ?? ''));
    case 'figure':
      // The PDF prints the figure's data table and notes with it; the deck's native chart, its cells.
      return texts([
        block.caption,
        ...block.table.columns.flatMap((c) => [c.label, c.unit ?? '']),
        ...block.table.rows.flat().filter((v): v is string => typeof v === 'string'),
        ...block.notes,
      ]);
    case 'kpi':
      return texts(block.items.flatMap((k) => [k.value, k.label, k.note ?? '']));
    case 'quote':
      return block.children.flatMap(blockTexts);
    case 'pageBreak':
      return [];
  }
}

function at(text: string, pos: TemplatePosition | undefined): ShownText {
  return pos ? { text, pos } : { text };
}
