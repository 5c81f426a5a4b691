/**
 * Items → Briefing. Each level-1 heading opens a section (its text is the section title and
 * is not repeated in the blocks); a list after `<!-- takeaways -->` goes to the cover's
 * key-takeaways box; a list after `<!-- kpi -->` becomes a KPI callout; `<!-- pagebreak -->`
 * and `---` are page breaks. `<!-- priority: N -->` marks the next block (or, before a `#`
 * heading, the section) and `<!-- more: … -->` the next list, for pages that must fit.
 */
import type { Dataset } from '../dataset/schema.js';
import { type Assembly, documentMeta, idMaker, kpiBlock, sourceEntries } from './assemble.js';
import { parseMore, parsePriority } from './fit-directives.js';
import type { Item } from './markdown.js';
import { inlineText } from './markdown-inline.js';
import {
  type Block,
  type Briefing,
  type Inline,
  MODEL_VERSION,
  type MoreLine,
  type Section,
  type TemplatePosition,
} from './model.js';
import type { RenderState } from './render-state.js';

export function assembleBriefing(
  dataset: Dataset,
  items: readonly Item[],
  a: Assembly,
  state: RenderState,
): Briefing {
  const sections: Section[] = [];
  const takeaways: Inline[][] = [];
  let takeawaysTitle: string | undefined;
  const makeId = idMaker();
  let pending: 'kpi' | 'takeaways' | undefined;
  let section: Section | undefined;
  let priority: number | undefined;
  let more: { line: MoreLine; pos: TemplatePosition | undefined } | undefined;
  /** The next block with the pending `priority` and `more` directives (a list only takes `more`). */
  const marked = (block: Block): Block => {
    const withPriority = priority === undefined ? block : { ...block, priority };
    priority = undefined;
    if (!more) return withPriority;
    const line = more.line;
    if (withPriority.type !== 'list')
      a.report(
        'TEMPLATE_SYNTAX',
        '<!-- more: … --> must be followed by a list',
        more.pos,
        undefined,
        'warning',
      );
    more = undefined;
    return withPriority.type === 'list' ? { ...withPriority, more: line } : withPriority;
  };

  const add = (block: Block) => {
    if (!section) {
      // Content before the first level-1 heading: an untitled opening section.
      section = { id: 'preamble', title: '', blocks: [], ...(block.pos ? { pos: block.pos } : {}) };
      sections.push(section);
    }
    section.blocks.push(block);
  };

  for (const item of items) {
    if (item.kind === 'rule') {
      add({ type: 'pageBreak', ...(item.pos ? { pos: item.pos } : {}) });
      continue;
    }
    if (item.kind === 'note') continue;
    if (item.kind === 'directive') {
      if (item.name === 'kpi' || item.name === 'takeaways') pending = item.name;
      // The box's heading is the template's words, as every other heading is.
      if (item.name === 'takeaways' && item.value.trim()) takeawaysTitle = a.literal(item.value).trim();
      else if (item.name === 'pagebreak') add({ type: 'pageBreak', ...(item.pos ? { pos: item.pos } : {}) });
      else if (item.name === 'priority') priority = parsePriority(item.value, item.pos, a);
      else if (item.name === 'more') {
        const line = parseMore(item.value, item.pos, a);
        more = line ? { line, pos: item.pos } : undefined;
      }
      continue;
    }
    const block = item.block;
    if (pending && block.type === 'list') {
      if (pending === 'takeaways') takeaways.push(...block.items);
      else add(marked(kpiBlock(block, a)));
      pending = undefined;
      continue;
    }
    if (pending) {
      a.report(
        'TEMPLATE_SYNTAX',
        `<!-- ${pending} --> must be followed by a list`,
        item.pos,
        undefined,
        'warning',
      );
      pending = undefined;
    }
    if (block.type === 'heading' && block.level === 1) {
      const title = inlineText(block.children).trim();
      section = {
        id: makeId(title),
        title,
        blocks: [],
        ...(priority === undefined ? {} : { priority }),
        ...(block.pos ? { pos: block.pos } : {}),
      };
      priority = undefined;
      sections.push(section);
      continue;
    }
    add(marked(block.type === 'heading' ? { ...block, id: makeId(inlineText(block.children)) } : block));
  }

  return {
    kind: 'briefing',
    version: MODEL_VERSION,
    meta: documentMeta(dataset, items, a),
    takeaways,
    ...(takeawaysTitle ? { takeawaysTitle } : {}),
    sections,
    sources: sourceEntries(dataset, state),
  };
}
