/** The full briefing: cover, contents, body sections, sources and the chart-data appendix. */
import type { Section } from '../../document/model.js';
import { backMatterToc, placeBackMatter } from './back-matter.js';
import {
  type Box,
  placePrepared,
  placingNode,
  prepareBlocks,
  prepareHeading,
  sectionNode,
} from './blocks.js';
import { buildOutline } from './bookmarks.js';
import { drawCover } from './cover.js';
import { COVER_CONTENTS_GAP, coverContents, drawCoverContents } from './cover-contents.js';
import { placeDeferred } from './floats.js';
import { type Ctx, newPage, placing } from './frame.js';
import { drawRunningHeads } from './running.js';
import { plainText } from './styled-pieces.js';
import { drawToc, proportionalEntries, type TocEntry, tocPages } from './toc.js';

/** The model may repeat the section title as its first block: it is drawn once. */
function sectionBlocks(section: Section) {
  const [first, ...rest] = section.blocks;
  if (first?.type === 'heading' && first.level === 1 && plainText(first.children) === section.title)
    return rest;
  return section.blocks;
}

export function tocEntries(ctx: Ctx, appendix: boolean, evidence?: string): TocEntry[] {
  const out: TocEntry[] = [];
  for (const section of ctx.model.sections) {
    out.push({
      id: section.id,
      level: 1,
      title: section.title,
      ...(section.pos ? { pos: section.pos } : {}),
    });
    for (const block of sectionBlocks(section)) {
      if (block.type === 'heading' && block.level <= 2)
        out.push({
          id: block.id,
          level: 2,
          title: plainText(block.children),
          ...(block.pos ? { pos: block.pos } : {}),
        });
    }
  }
  return [...out, ...backMatterToc(ctx, appendix, evidence)];
}

/**
 * `evidence`: the companion evidence file's name (back-matter.ts), when the evidence is not the
 * briefing's annex. `contentsOnCover`: try the contents under the key judgements (cover-contents.ts).
 * Returns false when that try failed (the entries shown, known only once the body is laid out, do
 * not fit the cover): the caller lays the briefing out again with a contents page.
 */
export function layoutBriefing(ctx: Ctx, evidence?: string, contentsOnCover = true): boolean {
  const { doc, geo } = ctx;
  const box: Box = { x: geo.left, width: geo.right - geo.left };
  const root = doc.struct('Document');
  doc.addStructure(root);
  const entries = tocEntries(ctx, true, evidence);

  newPage(ctx);
  // Every contents shows the level-1 entries: when even they do not fit, the cover is not tried.
  const level1 = entries.filter((entry) => entry.level === 1);
  const boxEnd = drawCover(
    ctx,
    root,
    contentsOnCover ? (room) => coverContents(ctx, level1, box, room) !== undefined : undefined,
  );

  const tocFirst = ctx.page + 1;
  const toc = doc.struct('TOC');
  root.add(toc);
  const reserved = boxEnd === undefined ? tocPages(ctx, entries, box) : 0;
  for (let i = 0; i < reserved; i++) newPage(ctx);

  newPage(ctx);
  ctx.deferred = [];
  for (const section of ctx.model.sections) {
    const element = doc.struct('Sect');
    root.add(element);
    const heading = placingNode(
      ctx,
      sectionNode(section),
      prepareHeading(ctx, section.id, 1, [{ type: 'text', text: section.title }], box),
    );
    placePrepared([heading, ...prepareBlocks(ctx, sectionBlocks(section), box)], element, ctx);
  }
  // A figure still waiting is drawn before the back matter, which never floats past it.
  placeDeferred(ctx, 0, true);
  ctx.deferred = undefined;
  // Sources follow the text (the heading keeps with its first entries); the appendix gets a page.
  placing(ctx, { what: 'the sources list or the chart-data appendix' }, () =>
    placeBackMatter(ctx, root, box, { appendix: true, level: 1, ...(evidence ? { evidence } : {}) }),
  );
  ctx.tags.end();

  // The entries drawn are a subset of those the pages were reserved for: they always fit.
  const bodyPages = ctx.page + 1 - (tocFirst + reserved);
  const shown = proportionalEntries(entries, bodyPages);
  if (boxEnd !== undefined) {
    const onCover = coverContents(ctx, shown, box, geo.bottom - boxEnd);
    if (!onCover) return false;
    placing(ctx, { what: 'the contents' }, () =>
      drawCoverContents(ctx, toc, onCover, ctx.headings, boxEnd + COVER_CONTENTS_GAP, box),
    );
  } else placing(ctx, { what: 'the contents' }, () => drawToc(ctx, toc, shown, ctx.headings, tocFirst, box));
  drawRunningHeads(ctx, 1);
  buildOutline(ctx);
  return true;
}
