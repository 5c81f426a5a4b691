/** Test helpers: render the fixtures and read PDFs back with pdfjs-dist (a real reader). */
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type Diagnostic, DiagnosticList } from '../../../src/diagnostics.js';
import type { AssetBag, Briefing } from '../../../src/document/model.js';
import { type PdfOptions, renderBriefingPdf } from '../../../src/render/pdf/index.js';
import { type FixtureChart, withFigures } from '../../fixtures/figures.js';
import { DATE, defaultTheme, testFonts } from '../../support/theme.js';

export { DATE, defaultTheme };

/** Renders a fixture model, its figures filled from the fixture charts (test/fixtures/figures.ts). */
export function render(
  placed: Briefing,
  charts: ReadonlyMap<string, FixtureChart>,
  options: Partial<PdfOptions> = {},
): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[] }> {
  const { model, assets } = withFigures(placed, charts);
  return renderModel(model, assets, options);
}

/** Renders a model with its asset bag. */
export async function renderModel(
  model: Briefing,
  assets: AssetBag,
  options: Partial<PdfOptions> = {},
): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[] }> {
  const diagnostics = new DiagnosticList();
  const bytes = await renderBriefingPdf(model, assets, await defaultTheme(), {
    fonts: testFonts,
    variant: 'briefing',
    date: DATE,
    diagnostics,
    ...options,
  });
  return { bytes, diagnostics: diagnostics.items };
}

export function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdfjs detaches the buffer it is given: hand it a copy.
  return getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
}

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function pageItems(pdf: PDFDocumentProxy, page: number): Promise<TextItem[]> {
  const content = await (await pdf.getPage(page)).getTextContent();
  return content.items.flatMap((item) =>
    'str' in item && item.str.trim() !== ''
      ? [
          {
            str: item.str,
            x: item.transform[4] ?? 0,
            y: item.transform[5] ?? 0,
            width: item.width,
            height: item.height,
          },
        ]
      : [],
  );
}

/** A page's text, items joined by spaces and whitespace collapsed. */
export async function pageText(pdf: PDFDocumentProxy, page: number): Promise<string> {
  return (await pageItems(pdf, page))
    .map((i) => i.str)
    .join(' ')
    .replace(/\s+/g, ' ');
}

export async function allText(pdf: PDFDocumentProxy): Promise<string[]> {
  const pages: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) pages.push(await pageText(pdf, p));
  return pages;
}

export interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

export async function structRoles(pdf: PDFDocumentProxy): Promise<StructNode[]> {
  const nodes: StructNode[] = [];
  const walk = (node: StructNode) => {
    nodes.push(node);
    for (const child of node.children ?? []) if (typeof child === 'object' && child) walk(child);
  };
  for (let p = 1; p <= pdf.numPages; p++) walk((await (await pdf.getPage(p)).getStructTree()) as StructNode);
  return nodes;
}

/** The PDF's bytes as latin1 text, to look at its (uncompressed) object dictionaries. */
export function raw(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}
