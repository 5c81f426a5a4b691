/**
 * Body blocks as HTML. Headings step down one level (the page's h1 is the title, sections are
 * h2), tables get header cells with scope, KPI callouts a list of figure cards.
 */
import type { Block, KpiItem } from '../../document/model.js';
import { escapeHtml, safeId } from './escape.js';
import { type FigureContext, figureHtml } from './figure.js';
import { citationHtml, inlineHtml } from './inline.js';

function kpiHtml(items: readonly KpiItem[], context: FigureContext): string {
  const cards = items.map((item) => {
    const cites = item.citations.map((n) => citationHtml(n, context.marks)).join('');
    const note = item.note ? `<span class="kpi-note">${escapeHtml(item.note)}</span>` : '';
    return `<li class="kpi"><span class="kpi-value">${escapeHtml(item.value)}</span><span class="kpi-label">${escapeHtml(item.label)}${cites}</span>${note}</li>`;
  });
  return `<ul class="kpis">${cards.join('')}</ul>`;
}

const ALIGN = { left: ' class="left"', right: ' class="num"', center: ' class="center"' } as const;

export function blockHtml(block: Block, context: FigureContext): string {
  const inl = (inlines: Parameters<typeof inlineHtml>[0]) => inlineHtml(inlines, context.marks);
  switch (block.type) {
    case 'heading': {
      const level = Math.min(block.level + 1, 6);
      return `<h${level} id="${safeId(block.id)}">${inl(block.children)}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${inl(block.children)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start =
        block.ordered && block.start !== undefined && block.start !== 1 ? ` start="${block.start}"` : '';
      return `<${tag}${start}>${block.items.map((item) => `<li>${inl(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const cls = (i: number) => {
        const a = block.align[i];
        return a ? ALIGN[a] : '';
      };
      const caption = block.caption ? `<caption>${escapeHtml(block.caption)}</caption>` : '';
      const head = block.header.map((cell, i) => `<th scope="col"${cls(i)}>${inl(cell)}</th>`).join('');
      const rows = block.rows
        .map((row) => `<tr>${row.map((cell, i) => `<td${cls(i)}>${inl(cell)}</td>`).join('')}</tr>`)
        .join('');
      return `<div class="table-scroll"><table>${caption}<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
    }
    case 'figure':
      return figureHtml(block, context);
    case 'kpi':
      return kpiHtml(block.items, context);
    case 'quote':
      return `<blockquote>${block.children.map((child) => blockHtml(child, context)).join('')}</blockquote>`;
    case 'pageBreak':
      return '';
  }
}
