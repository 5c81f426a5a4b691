/**
 * Shortening a one-pager to fit its page, by the template's priorities (`<!-- priority: N -->`,
 * docs/templates.md). Priority 1 (the default) is always kept. From the highest number down,
 * lists marked `<!-- more: … -->` lose items from their end (a capped list, `<!-- more: N | … -->`,
 * first down to N, always: forcedCuts), the longest list first, down to one item, with a line under each saying how many moved ("8 more programmes in the full
 * briefing"); then the other blocks of that priority are dropped whole, the last first. Lists
 * shorten by items, never mid-sentence. Each step leaves out strictly more, so the renderer can
 * search the steps for the fewest that fit, then give back the items a later drop made room for
 * (src/render/pdf/one-pager.ts). Pure: models in, models out.
 */
import type { Block, Briefing, Inline, MoreLine, Section, SourceEntry } from '../../document/model.js';

type ListBlock = Extract<Block, { type: 'list' }>;

/** One step: an item off the end of a list, or a whole block out. */
export type Cut = { kind: 'item'; block: Block } | { kind: 'drop'; block: Block };

export interface Shortened {
  model: Briefing;
  /** Items left out of each shortened list, and blocks dropped whole (for tests and reports). */
  itemsMoved: number;
  blocksDropped: number;
}

const priorityOf = (block: Block, section: Section): number => block.priority ?? section.priority ?? 1;

const shortenable = (block: Block): block is ListBlock & { more: MoreLine } =>
  block.type === 'list' && block.more !== undefined && block.items.length > 1;

/** The items a capped list (`<!-- more: N | … -->`) shows at most. */
const shownAtMost = (block: ListBlock & { more: MoreLine }): number =>
  Math.min(block.items.length, block.more.max ?? block.items.length);

/**
 * The cuts every layout makes, whatever room is left: the items past a capped list's cap (a
 * one-pager names at most five programmes, and says how many more the briefing has).
 */
export function forcedCuts(model: Briefing): Cut[] {
  return model.sections.flatMap((section) =>
    section.blocks.flatMap((block): Cut[] =>
      shortenable(block)
        ? Array.from({ length: block.items.length - shownAtMost(block) }, () => ({ kind: 'item', block }))
        : [],
    ),
  );
}

/** Every cut the model allows past the forced ones, in the order they are made. */
export function fitCuts(model: Briefing): Cut[] {
  const levels = new Set<number>();
  const placed = model.sections.flatMap((section) =>
    section.blocks.map((block) => {
      const priority = priorityOf(block, section);
      if (priority > 1) levels.add(priority);
      return { block, priority };
    }),
  );
  const cuts: Cut[] = [];
  for (const level of [...levels].sort((a, b) => b - a)) {
    const here = placed.filter((p) => p.priority === level).map((p) => p.block);
    // Items first, the longest list losing one at a time (a later list on ties), down to one each.
    const left = new Map<Block, number>(here.filter(shortenable).map((b) => [b, shownAtMost(b)]));
    for (;;) {
      let longest: Block | undefined;
      for (const [block, count] of left)
        if (count > 1 && (!longest || count >= (left.get(longest) ?? 0))) longest = block;
      if (!longest) break;
      left.set(longest, (left.get(longest) ?? 0) - 1);
      cuts.push({ kind: 'item', block: longest });
    }
    // Then the blocks of this level that cannot shorten, the last first. A list with a more line
    // stays (its line says where the rest is); a heading goes with the blocks under it.
    for (const block of [...here].reverse())
      if (!(block.type === 'list' && block.more) && block.type !== 'heading')
        cuts.push({ kind: 'drop', block });
  }
  return cuts;
}

function moreParagraph(list: ListBlock & { more: MoreLine }, moved: number): Block {
  const text = (moved === 1 ? list.more.one : list.more.many).replaceAll('{count}', String(moved));
  return {
    type: 'paragraph',
    children: [{ type: 'emphasis', children: [{ type: 'text', text }] }],
    ...(list.pos ? { pos: list.pos } : {}),
  };
}

/** A heading is dropped when everything under it (to the next heading as high) was dropped. */
function withoutBareHeadings(blocks: readonly Block[], dropped: ReadonlySet<Block>): Block[] {
  return blocks.filter((block, i) => {
    if (dropped.has(block)) return false;
    if (block.type !== 'heading') return true;
    let hadContent = false;
    for (const next of blocks.slice(i + 1)) {
      if (next.type === 'heading' && next.level <= block.level) break;
      if (next.type === 'heading') continue;
      hadContent = true;
      if (!dropped.has(next)) return true;
    }
    return !hadContent;
  });
}

/** The model with `cuts` made, its sources those still cited, renumbered. */
export function shortenModel(model: Briefing, cuts: readonly Cut[]): Shortened {
  if (cuts.length === 0) return { model, itemsMoved: 0, blocksDropped: 0 };
  const removed = new Map<Block, number>();
  const dropped = new Set<Block>();
  for (const cut of cuts) {
    if (cut.kind === 'drop') dropped.add(cut.block);
    else removed.set(cut.block, (removed.get(cut.block) ?? 0) + 1);
  }
  let itemsMoved = 0;
  const sections = model.sections.flatMap((section): Section[] => {
    const blocks = withoutBareHeadings(section.blocks, dropped).flatMap((block): Block[] => {
      const moved = removed.get(block) ?? 0;
      if (moved === 0 || block.type !== 'list' || !block.more) return [block];
      itemsMoved += moved;
      const list = { ...block, items: block.items.slice(0, block.items.length - moved) };
      return [list, moreParagraph(block as ListBlock & { more: MoreLine }, moved)];
    });
    // A section whose every block was dropped goes too (its heading would stand alone).
    if (blocks.length === 0 && section.blocks.length > 0) return [];
    return [{ ...section, blocks }];
  });
  return {
    model: renumberSources({ ...model, sections }),
    itemsMoved,
    blocksDropped: dropped.size,
  };
}

/**
 * Only the sources the shortened page still cites, numbered in the order the page first cites
 * them (a figure's credit line counts), so the list does not name what the page left out.
 */
export function renumberSources(model: Briefing): Briefing {
  const byNumber = new Map(model.sources.map((s) => [s.number, s]));
  const byId = new Map(model.sources.map((s) => [s.id, s]));
  const order: string[] = [];
  const note = (id: string) => {
    if (byId.has(id) && !order.includes(id)) order.push(id);
  };
  const visitInlines = (inlines: readonly Inline[]) => {
    for (const run of inlines) {
      if (run.type === 'citation') note(run.sourceId);
      else if ('children' in run) visitInlines(run.children);
    }
  };
  const visitBlock = (block: Block): void => {
    if (block.type === 'heading' || block.type === 'paragraph') visitInlines(block.children);
    else if (block.type === 'list') for (const item of block.items) visitInlines(item);
    else if (block.type === 'table')
      for (const cell of [...block.header, ...block.rows.flat()]) visitInlines(cell);
    else if (block.type === 'quote') for (const child of block.children) visitBlock(child);
    else if (block.type === 'figure') for (const id of block.sources) note(id);
    else if (block.type === 'kpi')
      for (const n of block.items.flatMap((item) => item.citations)) note(byNumber.get(n)?.id ?? '');
  };
  for (const section of model.sections) section.blocks.forEach(visitBlock);
  const number = new Map(order.map((id, i) => [id, i + 1]));
  const renumber = (n: number) => number.get(byNumber.get(n)?.id ?? '') ?? n;
  const inlines = (runs: readonly Inline[]): Inline[] =>
    runs.map((run): Inline => {
      if (run.type === 'citation') return { ...run, number: number.get(run.sourceId) ?? run.number };
      if ('children' in run) return { ...run, children: inlines(run.children) } as Inline;
      return run;
    });
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
        return { ...b, children: inlines(b.children) };
      case 'list':
        return { ...b, items: b.items.map(inlines) };
      case 'table':
        return { ...b, header: b.header.map(inlines), rows: b.rows.map((row) => row.map(inlines)) };
      case 'quote':
        return { ...b, children: b.children.map(block) };
      case 'kpi':
        return { ...b, items: b.items.map((item) => ({ ...item, citations: item.citations.map(renumber) })) };
      default:
        return b;
    }
  };
  const sources: SourceEntry[] = order.flatMap((id, i) => {
    const s = byId.get(id);
    return s ? [{ ...s, number: i + 1 }] : [];
  });
  return {
    ...model,
    takeaways: model.takeaways.map(inlines),
    sections: model.sections.map((s) => ({ ...s, blocks: s.blocks.map(block) })),
    sources,
  };
}
