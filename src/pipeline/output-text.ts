/**
 * The text of a built output, place by place, as a reader finds it: a PDF's pages (its text
 * layer, read with pdfjs-dist as the quote check reads PDF sources) and a deck's slides (the
 * text of each slide's XML, and of its speaker notes). `--emit provenance` looks for each
 * figure in it (emit-provenance.ts): reading what was written, rather than asking each
 * renderer to report its pages, is what the reader sees, continuation slides and all.
 */
import { unzipSync } from 'fflate';
import { pdfText } from '../dataset/provenance/pdf-text.js';
import { decodeEntities } from '../text/xml.js';

export interface OutputPlace {
  /** A PDF's page or a deck's slide, from 1, in the order a reader turns them. */
  number: number;
  text: string;
  /** A slide's speaker notes. */
  notes?: string;
}

export async function pdfPlaces(bytes: Uint8Array): Promise<OutputPlace[]> {
  const { text } = await pdfText(bytes);
  return text.split('\f').map((page, i) => ({ number: i + 1, text: page }));
}

/** The text runs of DrawingML (`<a:t>`), a paragraph (`</a:p>`) to a line. */
function drawingText(xml: string): string {
  const paragraphs = xml.split(/<\/a:p>/u);
  return paragraphs
    .map((p) =>
      [...p.matchAll(/<a:t(?:\s[^>]*)?>([^<]*)<\/a:t>/gu)].map((m) => decodeEntities(m[1] ?? '')).join(''),
    )
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * A deck's slides in presentation order: presentation.xml lists them (`sldIdLst`), its
 * relationships name their parts, and each slide's relationships name its notes part.
 */
export function deckPlaces(bytes: Uint8Array): OutputPlace[] {
  const files = unzipSync(bytes, { filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels') });
  const read = (name: string) => (files[name] ? new TextDecoder().decode(files[name]) : '');
  const targets = (rels: string) =>
    new Map([...rels.matchAll(/<Relationship\b[^>]*>/gu)].map((m) => [attribute(m[0], 'Id'), m[0]]));
  const presentationRels = targets(read('ppt/_rels/presentation.xml.rels'));
  const order = [...read('ppt/presentation.xml').matchAll(/<p:sldId\b[^>]*>/gu)].map((m) =>
    attribute(m[0], 'r:id'),
  );
  return order.map((id, i) => {
    const part = `ppt/${attribute(presentationRels.get(id) ?? '', 'Target').replace(/^\/?ppt\//u, '')}`;
    const slideRels = read(part.replace(/([^/]+)$/u, '_rels/$1.rels'));
    const notesRel = [...targets(slideRels).values()].find((r) => /\/notesSlide"/u.test(r));
    const notesPart = notesRel ? `ppt/${attribute(notesRel, 'Target').replace(/^\.\.\//u, '')}` : undefined;
    const notes = notesPart ? drawingText(read(notesPart)) : undefined;
    return { number: i + 1, text: drawingText(read(part)), ...(notes !== undefined ? { notes } : {}) };
  });
}

function attribute(tag: string, name: string): string {
  return new RegExp(`\\s${name}="([^"]*)"`, 'u').exec(tag)?.[1] ?? '';
}
