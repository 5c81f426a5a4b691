/**
 * `--emit provenance`: out/provenance.json, published with the outputs in the same atomic
 * swap (build-publish.ts writes it into the staging folder after the outputs are there). For
 * every figure of the dataset: where it is in the dataset, how it is printed, its citations
 * (source, quote, translation, locator) and where it appears: each output file, with its page
 * (PDF) or slide (deck), found by reading the written output's text (output-text.ts). A
 * figure shown on a slide is also checked against that slide's speaker notes: do they give
 * its quote? A build without `--emit provenance` drops an older provenance.json, so out/
 * never holds one that describes other outputs.
 */
import { readFile } from 'node:fs/promises';
import type { ProvenanceSummary } from '../dataset/provenance/check.js';
import { normalised } from '../dataset/provenance/normalise.js';
import { type TracedFigure, tracedFigures } from '../dataset/provenance/trace.js';
import type { ShapedDataset } from '../dataset/schema.js';
import { type ManifestOutput, PROVENANCE_FILE } from './manifest.js';
import { deckPlaces, type OutputPlace, pdfPlaces } from './output-text.js';

export const PROVENANCE_VERSION = 1;

export interface Appearance {
  /** The document (job) id of the config. */
  document: string;
  /** The output file, relative to out/. */
  file: string;
  page?: number;
  slide?: number;
  /** On a slide: whether its speaker notes give one of the figure's quotes (or its translation). */
  notesQuote?: boolean;
}

export interface ProvenanceFigure extends Omit<TracedFigure, 'forms'> {
  appears: Appearance[];
}

export interface ProvenanceFile {
  provenanceVersion: typeof PROVENANCE_VERSION;
  summary: ProvenanceSummary;
  figures: ProvenanceFigure[];
}

/** What the manifest says of provenance: the check's counts, and what the outputs print. */
export interface ManifestProvenance extends ProvenanceSummary {
  /** out/provenance.json, when this build wrote it. */
  file?: string;
  figuresPrinted?: number;
  /** Figures on a slide whose speaker notes do not give their quote. */
  slideFiguresWithoutNotesQuote?: number;
}

/** The qualifier words the documents print before a figure (dataset/wording.ts qualifierWord). */
const QUALIFIED = /(?:about|over|at least|up to|under) $/iu;
const STARTS_QUALIFIED = /^(?:about|over|at least|up to|under) /iu;

/**
 * Is `form` in `text` as a whole figure: not the "100" of "1,100", not the "5 billion" of "15
 * billion", and a form without a qualifier not the end of "up to ¥150 billion" (another record's
 * figure, printed with its own qualifier)?
 */
function containsFigure(text: string, form: string): boolean {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const before = text.slice(Math.max(0, at - 12), at);
    const after = text.slice(at + form.length, at + form.length + 2);
    const digitBefore = /\p{N}[.,]?$|[.,]$/u.test(before) && /\p{N}/u.test(form[0] ?? '');
    const digitAfter = /^[.,]?\p{N}/u.test(after) && /\p{N}/u.test(form.at(-1) ?? '');
    const otherQualifier = !STARTS_QUALIFIED.test(form) && QUALIFIED.test(before);
    if (!digitBefore && !digitAfter && !otherQualifier && !/^\p{L}/u.test(after)) return true;
  }
  return false;
}

/**
 * The notes that belong to a slide: its own, and for a continuation slide whose notes point
 * back ("continued from slide 3: the notes are there"), those of the slide it continues.
 */
function notesOf(places: readonly { number: number; notes?: string }[], index: number): string {
  const own = places[index]?.notes ?? '';
  const back = /continued from slide (\d+)/iu.exec(own);
  const from = back ? places.find((p) => p.number === Number(back[1])) : undefined;
  return from && from.number < (places[index]?.number ?? 0) ? `${own}\n${from.notes ?? ''}` : own;
}

interface ReadOutput {
  document: string;
  file: string;
  kind: 'page' | 'slide';
  places: { number: number; text: string; notes?: string }[];
}

async function readOutput(output: ManifestOutput, path: string): Promise<ReadOutput | undefined> {
  const kind = output.path.endsWith('.pdf') ? 'page' : output.path.endsWith('.pptx') ? 'slide' : undefined;
  if (!kind || output.job.startsWith('chart:')) return undefined;
  const bytes = new Uint8Array(await readFile(path));
  const places: OutputPlace[] = kind === 'page' ? await pdfPlaces(bytes) : deckPlaces(bytes);
  return {
    document: output.job,
    file: output.path,
    kind,
    places: places.map((p) => ({
      number: p.number,
      text: normalised(p.text),
      ...(p.notes !== undefined ? { notes: normalised(p.notes) } : {}),
    })),
  };
}

/**
 * The provenance file of a build: `pathOf` gives where an output's bytes are now (the
 * staging folder). Outputs are read one at a time: a PDF's text layer is the costly part.
 */
export async function provenanceOf(
  data: ShapedDataset,
  summary: ProvenanceSummary,
  outputs: readonly ManifestOutput[],
  pathOf: (relative: string) => string,
): Promise<ProvenanceFile> {
  const traced = tracedFigures(data);
  const figures: ProvenanceFigure[] = traced.map(({ forms: _forms, ...figure }) => ({
    ...figure,
    appears: [],
  }));
  const sorted = [...outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const output of sorted) {
    const read = await readOutput(output, pathOf(output.path));
    if (!read) continue;
    traced.forEach((figure, i) => {
      const forms = figure.forms.map(normalised);
      const quotes = figure.citations.flatMap((c) =>
        [c.quote, c.translation ?? ''].filter(Boolean).map(normalised),
      );
      read.places.forEach((place, p) => {
        if (!forms.some((form) => containsFigure(place.text, form))) return;
        const appearance: Appearance = {
          document: read.document,
          file: read.file,
          [read.kind]: place.number,
        };
        if (read.kind === 'slide' && quotes.length > 0) {
          const notes = notesOf(read.places, p);
          appearance.notesQuote = quotes.some((q) => notes.includes(q));
        }
        figures[i]?.appears.push(appearance);
      });
    });
  }
  return { provenanceVersion: PROVENANCE_VERSION, summary, figures };
}

export function manifestProvenance(summary: ProvenanceSummary, file?: ProvenanceFile): ManifestProvenance {
  if (!file) return summary;
  const printed = file.figures.filter((f) => f.appears.length > 0).length;
  const missing = file.figures.filter((f) => f.appears.some((a) => a.notesQuote === false)).length;
  return {
    ...summary,
    file: PROVENANCE_FILE,
    figuresPrinted: printed,
    slideFiguresWithoutNotesQuote: missing,
  };
}

export function serialiseProvenance(file: ProvenanceFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
