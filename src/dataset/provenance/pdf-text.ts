/**
 * The text layer of a PDF source, page by page, read with pdfjs-dist (a dependency for this
 * alone; loaded only when a dataset has a PDF source). Pages are joined by a form feed, so a
 * page locator is checked by counting form feeds (source-text.ts).
 */

export interface PdfText {
  text: string;
  pages: number;
}

interface TextPiece {
  str?: string;
  hasEOL?: boolean;
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs detaches the buffer it is given, and refuses a Node Buffer (what file reads return):
  // hand it a plain Uint8Array copy. No eval, no fonts, no network.
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      let page = '';
      for (const item of content.items as TextPiece[]) {
        page += item.str ?? '';
        if (item.hasEOL) page += '\n';
      }
      pages.push(page);
    }
    return { text: pages.join('\f'), pages: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}
