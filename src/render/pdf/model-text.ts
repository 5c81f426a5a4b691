/** All the text a document will show, for the missing-glyph check before rendering. */
import { figureBlocks } from '../../document/figures.js';
import type { AssetBag, Block, Briefing } from '../../document/model.js';
import { plainText } from './styled-pieces.js';

function blockText(block: Block): string[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [plainText(block.children)];
    case 'list':
      return block.items.map(plainText);
    case 'table':
      return [...block.header, ...block.rows.flat()].map(plainText).concat(block.caption ?? '');
    case 'figure':
      return [block.caption];
    case 'kpi':
      return block.items.flatMap((k) => [k.value, k.label, k.note ?? '']);
    case 'quote':
      return block.children.flatMap(blockText);
    case 'pageBreak':
      return [];
  }
}

/** Text nodes of an SVG, entities left as they are (they are ASCII). */
function svgText(svg: string): string[] {
  return [...svg.matchAll(/>([^<>]+)</g)].map((m) => m[1] ?? '');
}

export function modelText(model: Briefing, assets: AssetBag): string {
  const m = model.meta;
  const parts = [
    m.title,
    m.subtitle ?? '',
    m.shortTitle,
    m.author,
    m.organisation ?? '',
    m.publisher ?? '',
    m.asOfLabel,
  ];
  if (model.takeawaysTitle) parts.push(model.takeawaysTitle);
  parts.push(...model.takeaways.map(plainText));
  for (const section of model.sections) parts.push(section.title, ...section.blocks.flatMap(blockText));
  for (const s of model.sources)
    parts.push(s.title, s.author ?? '', s.publisher ?? '', s.date ?? '', s.url ?? '', ...(s.quotes ?? []));
  for (const figure of figureBlocks(model)) {
    const svg = assets.get(figure.image.svg);
    parts.push(...figure.notes, ...svgText(svg ? new TextDecoder().decode(svg.bytes) : ''));
    parts.push(...figure.table.columns.map((c) => `${c.label} ${c.unit ?? ''}`));
    for (const row of figure.table.rows) parts.push(...row.map((v) => (typeof v === 'string' ? v : '')));
  }
  return parts.join('\n');
}
