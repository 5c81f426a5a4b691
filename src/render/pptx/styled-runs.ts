/**
 * The model's inlines and text blocks, flattened into styled runs and paragraphs: the unit
 * both the fitter (measuring) and the drawer (pptxgenjs text props) work on.
 */
import type { Block, Inline } from '../../document/model.js';
import { WORD_JOINER } from '../../text/line-break.js';
import { xmlSafe } from './sanitize.js';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Citation marks: drawn raised and smaller. */
  superscript?: boolean;
  url?: string;
}

export type ParaKind = 'body' | 'bullet' | 'number' | 'heading' | 'quote';

export interface Para {
  kind: ParaKind;
  runs: Run[];
  /** For 'number': the item's number. */
  number?: number;
}

interface Style {
  bold?: boolean;
  italic?: boolean;
  url?: string;
}

function pushRun(out: Run[], text: string, style: Style, superscript = false): void {
  const clean = xmlSafe(text).replace(/[\t\r\n]+/g, ' ');
  if (clean === '') return;
  const run: Run = { text: clean };
  if (style.bold) run.bold = true;
  if (style.italic) run.italic = true;
  if (style.url) run.url = style.url;
  if (superscript) run.superscript = true;
  out.push(run);
}

/**
 * A citation's raised "[n]": after a word (or another mark) with a word joiner before it, so a
 * viewer never moves the mark alone to the next line (text/line-break.ts WORD_JOINER).
 */
export function citationMark(number: number, before: Run | undefined): string {
  const glued = before !== undefined && /\S$/u.test(before.text);
  return `${glued ? WORD_JOINER : ''}[${number}]`;
}

/** Flattens inlines to runs; a citation becomes a raised "[n]". */
export function inlineRuns(inlines: readonly Inline[], style: Style = {}, out: Run[] = []): Run[] {
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        pushRun(out, node.text, style);
        break;
      case 'strong':
        inlineRuns(node.children, { ...style, bold: true }, out);
        break;
      case 'emphasis':
        inlineRuns(node.children, { ...style, italic: true }, out);
        break;
      case 'link':
        inlineRuns(node.children, { ...style, url: xmlSafe(node.url) }, out);
        break;
      case 'citation':
        pushRun(out, citationMark(node.number, out[out.length - 1]), style, true);
        break;
      case 'break':
        pushRun(out, ' ', style);
        break;
    }
  }
  return out;
}

/** Plain text of inlines (table cells, KPI labels, titles). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlineRuns(inlines)
    .map((r) => (r.superscript ? '' : r.text))
    .join('')
    .trim();
}

type CitationVisit = (number: number, quotes: readonly number[]) => void;

/** Each citation in the inlines: its source number and the indices of the sentences it quotes. */
function eachInlineCitation(inlines: readonly Inline[], visit: CitationVisit): void {
  for (const node of inlines) {
    if (node.type === 'citation') visit(node.number, node.quotes ?? []);
    else if ('children' in node) eachInlineCitation(node.children, visit);
  }
}

/**
 * Each citation in blocks, tables, KPI items and quotes included, in reading order: the one walk
 * behind a slide's citation numbers (blockCitations) and its quoted sentences (slide-quotes.ts).
 */
export function eachCitation(blocks: readonly Block[], visit: CitationVisit): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        eachInlineCitation(block.children, visit);
        break;
      case 'list':
        for (const item of block.items) eachInlineCitation(item, visit);
        break;
      case 'table':
        for (const cell of [...block.header, ...block.rows.flat()]) eachInlineCitation(cell, visit);
        break;
      case 'kpi':
        for (const item of block.items) {
          for (const q of item.quotes ?? []) visit(q.number, q.quotes);
          for (const n of item.citations) visit(n, []);
        }
        break;
      case 'quote':
        eachCitation(block.children, visit);
        break;
      default:
        break;
    }
  }
}

/** Citation numbers used in blocks, including tables and KPI items. */
export function blockCitations(blocks: readonly Block[], out: Set<number> = new Set()): Set<number> {
  eachCitation(blocks, (n) => out.add(n));
  return out;
}

/** The text blocks of a slide as paragraphs; charts, tables and KPIs are placed by the layouts. */
export function blockParas(blocks: readonly Block[]): Para[] {
  const paras: Para[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        paras.push({ kind: 'heading', runs: inlineRuns(block.children, { bold: true }) });
        break;
      case 'paragraph':
        paras.push({ kind: 'body', runs: inlineRuns(block.children) });
        break;
      case 'list':
        block.items.forEach((item, i) => {
          const para: Para = { kind: block.ordered ? 'number' : 'bullet', runs: inlineRuns(item) };
          if (block.ordered) para.number = (block.start ?? 1) + i;
          paras.push(para);
        });
        break;
      case 'quote':
        for (const p of blockParas(block.children)) {
          paras.push({ kind: 'quote', runs: p.runs.map((r) => ({ ...r, italic: true })) });
        }
        break;
      default:
        break;
    }
  }
  return paras.filter((p) => p.runs.some((r) => r.text.trim() !== ''));
}
