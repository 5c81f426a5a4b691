/**
 * Reads a source's stored text (`file:` of a source) for the quote check: plain text and
 * Markdown as written, HTML as its text, PDF as its text layer. Every problem is reported
 * at the source's `file:` line of the dataset, with what to do; nothing here throws.
 */
import { extname } from 'node:path';
import { type Diagnostic, error } from '../../diagnostics.js';
import { readInputFile } from '../../input/read-file.js';
import { decodeUtf8 } from '../../input/utf8.js';
import { htmlToText } from './html-text.js';
import { pdfText } from './pdf-text.js';

export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf';

export interface SourceText {
  format: SourceFormat;
  /** The text quotes are matched against; PDF pages are separated by form feeds. */
  text: string;
}

const FORMATS: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
};

export const SOURCE_FORMATS_WORDS = 'plain text (.txt), Markdown (.md), HTML (.html) or PDF (.pdf)';

/** Where a source problem is reported: the source's `file:` in the dataset. */
export type SourcePlace = Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>;

export function formatOf(file: string): SourceFormat | undefined {
  return FORMATS[extname(file).toLowerCase()];
}

export async function readSourceText(
  absolute: string,
  written: string,
  place: SourcePlace,
): Promise<{ source?: SourceText; diagnostic?: Diagnostic }> {
  const format = formatOf(written);
  if (!format) {
    return {
      diagnostic: error('DATA_INVALID_VALUE', `"${written}" is not a kind of file briefkit reads`, {
        ...place,
        hint: `store the source as ${SOURCE_FORMATS_WORDS}`,
      }),
    };
  }
  const read = await readInputFile(absolute);
  if (!read.bytes) return { diagnostic: atSource(read.diagnostic, written, place) };
  if (format === 'pdf') return readPdf(read.bytes, written, place);
  if (isUtf16(read.bytes)) {
    return {
      diagnostic: error('FILE_NOT_UTF8', `the stored source "${written}" is UTF-16 text, not UTF-8`, {
        ...place,
        hint: 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
      }),
    };
  }
  if (read.bytes.includes(0)) {
    return {
      diagnostic: error('FILE_NOT_UTF8', `the stored source "${written}" is binary, not text`, {
        ...place,
        hint: `store the source as ${SOURCE_FORMATS_WORDS}, saved as UTF-8`,
      }),
    };
  }
  const decoded = decodeUtf8(read.bytes, absolute);
  if (decoded.text === undefined) return { diagnostic: atSource(decoded.diagnostic, written, place) };
  const text = format === 'html' ? htmlToText(decoded.text) : decoded.text;
  if (text.trim() === '') {
    return {
      diagnostic: error(
        'SOURCE_NO_TEXT',
        `the stored source "${written}" is empty: it has no text to find quotes in`,
        {
          ...place,
          hint: 'store the text of the source in the file, or remove `file:` (the source is then reported as not verifiable)',
        },
      ),
    };
  }
  return { source: { format, text } };
}

async function readPdf(
  bytes: Uint8Array,
  written: string,
  place: SourcePlace,
): Promise<{ source?: SourceText; diagnostic?: Diagnostic }> {
  let text: string;
  try {
    text = (await pdfText(bytes)).text;
  } catch {
    return {
      diagnostic: error('FILE_NOT_UTF8', `the stored source "${written}" is not a PDF that can be read`, {
        ...place,
        hint: 'check that the file is the PDF itself (not a web page saved as .pdf) and opens in a PDF reader',
      }),
    };
  }
  if (text.replace(/\s/gu, '') === '') {
    return {
      diagnostic: error('SOURCE_NO_TEXT', `the PDF "${written}" has no text layer (a scan?)`, {
        ...place,
        hint: 'store a PDF with text (run it through OCR), or the text itself as a .txt file beside it',
      }),
    };
  }
  return { source: { format: 'pdf', text } };
}

/** A byte-order mark of UTF-16 (either order): text an editor saved "as Unicode", not UTF-8. */
function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** A reader's diagnostic, moved to the dataset line that names the file, with its own words kept. */
function atSource(diagnostic: Diagnostic | undefined, written: string, place: SourcePlace): Diagnostic {
  const code = diagnostic?.code ?? 'FILE_NOT_FOUND';
  const inFile = diagnostic?.line ? ` (at its line ${diagnostic.line}:${diagnostic.column ?? 1})` : '';
  const hint =
    code === 'FILE_NOT_FOUND'
      ? 'check the name: `file` is relative to the source folder (meta.sourceFolder, else sources/ beside the dataset)'
      : code === 'FILE_TOO_LARGE'
        ? 'store only the part of the source that is quoted (its text as .txt, or the PDF pages that hold the quotes)'
        : (diagnostic?.hint ?? 'check the file');
  return error(code, `stored source "${written}": ${diagnostic?.message ?? 'cannot be read'}${inFile}`, {
    ...place,
    hint,
  });
}
