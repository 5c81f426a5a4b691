/** Reading a rendered briefing's page flow back (pdf.js): body text per page and table fragments. */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Briefing } from '../../../src/document/model.js';

export interface BodyItem {
  str: string;
  /** Top-down y of the baseline. */
  y: number;
  /** Left edge. */
  x: number;
}

/** Each page's text outside artifacts (running heads, page numbers, repeated table headers), top to bottom. */
export async function bodyItems(pdf: PDFDocumentProxy): Promise<BodyItem[][]> {
  const pages: BodyItem[][] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const height = page.view[3] ?? 0;
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open: string[] = [];
    const items: BodyItem[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        // pdf.js gives the tag at run time; its types leave it out.
        const tag = (item as { tag?: string }).tag ?? '';
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(tag);
        else if (item.type === 'endMarkedContent') open.pop();
        continue;
      }
      if (open.includes('Artifact') || item.str.trim() === '') continue;
      items.push({
        str: item.str,
        y: height - (item.transform[5] ?? 0),
        x: item.transform[4] ?? 0,
      });
    }
    pages.push(items.sort((a, b) => a.y - b.y));
  }
  return pages;
}

/** Every string a KPI callout of the model draws: its values, labels and notes. */
export function calloutTexts(model: Briefing): { values: Set<string>; all: Set<string> } {
  const values = new Set<string>();
  const all = new Set<string>();
  for (const section of model.sections)
    for (const block of section.blocks)
      if (block.type === 'kpi')
        for (const item of block.items) {
          values.add(item.value);
          for (const text of [item.value, item.label, item.note ?? '']) if (text) all.add(text);
        }
  return { values, all };
}

/** Pages (1-based) whose body opens with a callout that does not continue one from the page before. */
export function strandedCallouts(pages: readonly BodyItem[][], model: Briefing): number[] {
  const { values, all } = calloutTexts(model);
  const inCallout = (s: string) => [...all].some((text) => text.includes(s.trim()));
  const out: number[] = [];
  pages.forEach((items, i) => {
    const first = items[0];
    if (!first || !values.has(first.str.trim())) return;
    const before = pages[i - 1]?.at(-1);
    if (!before || !inCallout(before.str)) out.push(i + 1);
  });
  return out;
}

interface StructNode {
  role?: string;
  type?: string;
  children?: StructNode[];
}

const drawn = (node: StructNode): boolean => node.type === 'content' || (node.children ?? []).some(drawn);

/** The body rows of each table fragment on a page, and whether the page starts or ends inside one. */
async function tableFragments(pdf: PDFDocumentProxy, page: number) {
  const tree = (await (await pdf.getPage(page)).getStructTree()) as StructNode | null;
  const leaves: string[][] = [];
  const bodies: number[] = [];
  const walk = (node: StructNode, path: string[]) => {
    if (node.type === 'content') leaves.push(path);
    // pdf.js gives each element whole, its rows on other pages empty: count the rows drawn here.
    if (node.role === 'TBody')
      bodies.push((node.children ?? []).filter((c) => c.role === 'TR' && drawn(c)).length);
    for (const child of node.children ?? []) walk(child, node.role ? [...path, node.role] : path);
  };
  if (tree) walk(tree, []);
  return {
    rows: bodies.filter((n) => n > 0),
    startsInTable: leaves[0]?.includes('TBody') ?? false,
    endsInTable: leaves.at(-1)?.includes('TBody') ?? false,
  };
}

/** Pages (1-based) where a table broken across pages leaves one body row alone. */
export async function loneTableRows(pdf: PDFDocumentProxy): Promise<number[]> {
  const out: number[] = [];
  const fragments: Awaited<ReturnType<typeof tableFragments>>[] = [];
  for (let p = 1; p <= pdf.numPages; p++) fragments.push(await tableFragments(pdf, p));
  fragments.forEach((page, i) => {
    const continued = page.endsInTable && fragments[i + 1]?.startsInTable;
    if (page.startsInTable && page.rows[0] === 1) out.push(i + 1);
    else if (continued && page.rows.at(-1) === 1) out.push(i + 1);
  });
  return out;
}

/**
 * Pages (1-based) of the body whose text ends in the top third of the page: every page but
 * the cover, the contents, the last one and the one before the appendix (which opens a page).
 */
export function holedPages(pages: readonly BodyItem[][], pageHeight: number): number[] {
  const appendix = pages.findIndex((items) => items[0]?.str.startsWith('Appendix'));
  const out: number[] = [];
  pages.forEach((items, i) => {
    if (i < 2 || i === pages.length - 1 || i === appendix - 1) return;
    const bottom = Math.max(0, ...items.map((item) => item.y));
    if (bottom < pageHeight * 0.4) out.push(i + 1);
  });
  return out;
}

/**
 * A page's items as lines, top to bottom, each left to right: items within a few points of a
 * line's first baseline (a raised reference mark) belong to it.
 */
export function pageLines(items: readonly BodyItem[]): string[] {
  const lines: BodyItem[][] = [];
  for (const item of items) {
    const line = lines.at(-1);
    if (line?.[0] && item.y - line[0].y < 5) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) =>
    [...line]
      .sort((a, b) => a.x - b.x)
      .map((item) => item.str)
      .join(' '),
  );
}

/** KPI figures the pages draw broken over lines: no line holds the whole figure. */
export function brokenFigures(pages: readonly BodyItem[][], model: Briefing): string[] {
  const lines = pages.flatMap((items) => pageLines(items).map((l) => l.replace(/\s+/g, ' ')));
  const { values } = calloutTexts(model);
  return [...values].filter((value) => !lines.some((line) => line.includes(value.replace(/\s+/g, ' '))));
}
