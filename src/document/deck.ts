/**
 * Items → Deck. Slides are separated by `---`, as in Marp. In a slide: the first heading is
 * its title (a deeper heading right after it is the subtitle), `<!-- layout: chart -->`
 * picks the layout, `<!-- notes: … -->` and any other comment are speaker notes,
 * `<!-- column -->` starts the right column of a two-column slide, `<!-- kpi -->` turns the
 * next list into big numbers. Citations in notes read `[n]`.
 */
import type { Dataset } from '../dataset/schema.js';
import { type Assembly, documentMeta, kpiBlock, noteText, sourceEntries } from './assemble.js';
import type { Item } from './markdown.js';
import { inlineText } from './markdown-inline.js';
import {
  type Block,
  type CitedQuotes,
  type Deck,
  MODEL_VERSION,
  type Slide,
  type SlideLayout,
  type TemplatePosition,
} from './model.js';
import type { RenderState } from './render-state.js';

const LAYOUTS: readonly SlideLayout[] = [
  'title',
  'section',
  'bullets',
  'chart',
  'kpi',
  'two-column',
  'table',
  'sources',
];
/** Layouts that carry content and therefore need speaker notes. */
const CONTENT: ReadonlySet<SlideLayout> = new Set(['bullets', 'chart', 'kpi', 'two-column', 'table']);

export function splitSlides(items: readonly Item[]): Item[][] {
  const groups: Item[][] = [[]];
  for (const item of items) {
    if (item.kind === 'rule') groups.push([]);
    else groups.at(-1)?.push(item);
  }
  // A leading `---` (Marp front-matter habit) or a trailing one makes no empty slide.
  return groups.filter((g) =>
    g.some((item) => item.kind === 'block' || (item.kind === 'directive' && item.name === 'layout')),
  );
}

export function assembleDeck(
  dataset: Dataset,
  items: readonly Item[],
  a: Assembly,
  state: RenderState,
): Deck {
  const slides = splitSlides(items).map((group, index) => assembleSlide(group, index, a));
  return {
    kind: 'deck',
    version: MODEL_VERSION,
    meta: documentMeta(dataset, items, a),
    slides,
    sources: sourceEntries(dataset, state),
  };
}

function assembleSlide(group: Item[], index: number, a: Assembly): Slide {
  let layout: SlideLayout | undefined;
  let title: string | undefined;
  let subtitle: string | undefined;
  let titlePos: TemplatePosition | undefined;
  let subtitlePos: TemplatePosition | undefined;
  let titleLevel = 0;
  let justTitled = false;
  let pendingKpi = false;
  let right: Block[] | undefined;
  const left: Block[] = [];
  const notes: string[] = [];
  const noteQuotes: CitedQuotes[] = [];
  const pos: TemplatePosition | undefined = group.find((item) => item.pos)?.pos;

  for (const item of group) {
    if (item.kind === 'note') {
      notes.push(noteText(item.text, a, item.pos, noteQuotes));
      continue;
    }
    if (item.kind === 'rule') continue;
    if (item.kind === 'directive') {
      if (item.name === 'layout') layout = checkedLayout(a.literal(item.value), item.pos, a) ?? layout;
      else if (item.name === 'notes') notes.push(noteText(item.value, a, item.pos, noteQuotes));
      else if (item.name === 'column') right = right ?? [];
      else if (item.name === 'kpi') pendingKpi = true;
      continue;
    }
    const block = item.block;
    if (block.type === 'heading' && title === undefined) {
      title = inlineText(block.children).trim();
      titlePos = item.pos;
      titleLevel = block.level;
      justTitled = true;
      continue;
    }
    if (block.type === 'heading' && justTitled && subtitle === undefined && block.level > titleLevel) {
      subtitle = inlineText(block.children).trim();
      subtitlePos = item.pos;
      justTitled = false;
      continue;
    }
    justTitled = false;
    const placed = pendingKpi && block.type === 'list' ? kpiBlock(block, a) : block;
    pendingKpi = false;
    (right ?? left).push(placed);
  }

  const chosen = layout ?? inferLayout(index, left, right);
  if (CONTENT.has(chosen) && notes.length === 0) {
    a.report(
      'TEMPLATE_SYNTAX',
      `slide ${index + 1} ("${title ?? ''}") has no speaker notes`,
      pos,
      'add <!-- notes: … --> with the sources behind its figures',
      'warning',
    );
  }
  return {
    layout: chosen,
    title: title ?? '',
    ...(subtitle ? { subtitle } : {}),
    blocks: left,
    ...(right ? { right } : {}),
    notes: notes.join('\n'),
    ...(noteQuotes.length > 0 ? { noteQuotes } : {}),
    ...(pos ? { pos } : {}),
    ...(titlePos ? { titlePos } : {}),
    ...(subtitlePos ? { subtitlePos } : {}),
  };
}

function checkedLayout(
  value: string,
  pos: TemplatePosition | undefined,
  a: Assembly,
): SlideLayout | undefined {
  const found = LAYOUTS.find((l) => l === value.trim());
  if (!found)
    a.report(
      'TEMPLATE_UNKNOWN_LAYOUT',
      `"${value}" is not a slide layout`,
      pos,
      `use one of: ${LAYOUTS.join(', ')}`,
    );
  return found;
}

function inferLayout(index: number, left: Block[], right: Block[] | undefined): SlideLayout {
  if (right) return 'two-column';
  if (index === 0) return 'title';
  if (left.some((b) => b.type === 'figure')) return 'chart';
  if (left.some((b) => b.type === 'kpi')) return 'kpi';
  if (left.some((b) => b.type === 'table')) return 'table';
  return left.length === 0 ? 'section' : 'bullets';
}
