/**
 * Items → Briefing. Each level-1 heading opens a section (its text is the section title and
 * is not repeated in the blocks); a list after `<!-- takeaways -->` goes to the cover's
 * key-takeaways box; a list after `<!-- kpi -->` becomes a KPI callout; `<!-- pagebreak -->`
 * and `---` are page breaks.
 */
import type { Dataset } from '../dataset/schema.js';
import { type Assembly, documentMeta, idMaker, kpiBlock, sourceEntries } from './assemble.js';
import type { Item } from './markdown.js';
import { inlineText } from './markdown-inline.js';
import { type Block, type Briefing, type Inline, MODEL_VERSION, type Section } from './model.js';
import type { RenderState } from './render-state.js';

export function assembleBriefing(
  dataset: Dataset,
  items: readonly Item[],
  a: Assembly,
  state: RenderState,
): Briefing {
  const sections: Section[] = [];
  const takeaways: Inline[][] = [];
  const makeId = idMaker();
  let pending: 'kpi' | 'takeaways' | undefined;
  let section: Section | undefined;

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
      else if (item.name === 'pagebreak') add({ type: 'pageBreak', ...(item.pos ? { pos: item.pos } : {}) });
      continue;
    }
    const block = item.block;
    if (pending && block.type === 'list') {
      if (pending === 'takeaways') takeaways.push(...block.items);
      else add(kpiBlock(block, a));
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
      section = { id: makeId(title), title, blocks: [], ...(block.pos ? { pos: block.pos } : {}) };
      sections.push(section);
      continue;
    }
    add(block.type === 'heading' ? { ...block, id: makeId(inlineText(block.children)) } : block);
  }

  return {
    kind: 'briefing',
    version: MODEL_VERSION,
    meta: documentMeta(dataset, items, a),
    takeaways,
    sections,
    sources: sourceEntries(dataset, state),
  };
}
