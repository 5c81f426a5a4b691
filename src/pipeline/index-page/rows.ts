/**
 * What out/index.html shows, gathered from the manifest the build is about to publish, the
 * config's documents and the dataset's meta, sources and publication section. Pure: the
 * thumbnails are drawn and the HTML written elsewhere (thumbnail.ts, html.ts).
 */
import type { Dataset } from '../../dataset/schema.js';
import { formatDate } from '../../dataset/wording.js';
import type { ModelKind } from '../../render/renderer.js';
import type { Manifest, ManifestOutput } from '../manifest.js';

/** What the index needs to know of each document job of the config (jobs.ts), by job id. */
export interface IndexJob {
  format: string;
  model: ModelKind;
  sectorId?: string;
  /** What its renderer calls a document of its options ("Evidence and data"), when not its model's kind. */
  kind?: string;
}

/** A picture as a data: URL, with the size it is shown at (CSS px). */
export interface Thumbnail {
  src: string;
  width: number;
  height: number;
}

export interface IndexDocumentRow {
  path: string;
  title: string;
  subtitle?: string;
  /** "Briefing", "Sector brief", "Slide deck". */
  kind: string;
  /** "PDF", "PowerPoint", "HTML". */
  format: string;
  pages?: number;
  slides?: number;
  bytes: number;
  sha256: string;
  /** A small picture of the cover (thumbnail.ts), when one could be drawn. */
  thumbnail?: Thumbnail;
}

export interface IndexFileRow {
  path: string;
  /** "SVG", "PNG", … from the file name. */
  format: string;
  bytes: number;
  sha256: string;
}

export interface IndexChartRow {
  title: string;
  files: IndexFileRow[];
}

export interface IndexSource {
  title: string;
  author?: string;
  publisher?: string;
  date?: string;
  url?: string;
}

export interface IndexPage {
  language: string;
  title: string;
  subtitle?: string;
  /** Label → value, in order: edition, version, publication date, data as of, build date. */
  facts: [string, string][];
  publisher?: { name: string; url?: string };
  licence?: { name: string; url?: string };
  contact?: string;
  documents: IndexDocumentRow[];
  charts: IndexChartRow[];
  /** Outputs of no document and no chart (none today): listed, so every manifest entry is. */
  others: IndexFileRow[];
  sources: IndexSource[];
  /** The provenance check's sentence, when the build ran it. */
  provenance?: string;
  briefkitVersion: string;
}

const FORMAT_LABELS: Record<string, string> = { pdf: 'PDF', pptx: 'PowerPoint', html: 'HTML' };

export function formatLabel(format: string): string {
  return FORMAT_LABELS[format] ?? format.toUpperCase();
}

function kindOf(job: IndexJob): string {
  if (job.kind !== undefined) return job.kind;
  if (job.model === 'deck') return 'Slide deck';
  return job.sectorId === undefined ? 'Briefing' : 'Sector brief';
}

function fileRow(output: ManifestOutput): IndexFileRow {
  const extension = /\.([A-Za-z0-9]+)$/.exec(output.path)?.[1] ?? '';
  return { path: output.path, format: extension.toUpperCase(), bytes: output.bytes, sha256: output.sha256 };
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export interface IndexInput {
  manifest: Manifest;
  dataset: Dataset;
  /** Every document job of the config (not only this build's --only selection). */
  jobs: ReadonlyMap<string, IndexJob>;
  /** Chart id → its title, from the chart catalogue. */
  chartTitles: ReadonlyMap<string, string>;
  /** Job id → its cover thumbnail. */
  thumbnails: ReadonlyMap<string, Thumbnail>;
}

function provenanceSentence(manifest: Manifest): string | undefined {
  const p = manifest.provenance;
  if (!p) return undefined;
  const parts = [`${p.quotesFound} of ${p.quotes} quoted sentences were found in the stored sources`];
  if (p.figures > 0) parts.push(`${p.figuresMatched} of ${p.figures} figures were found in their quotes`);
  if (p.notVerifiable.length > 0)
    parts.push(`${p.notVerifiable.length} sources have no stored copy to check`);
  return `${parts.join('; ')} (briefkit's check at build time).`;
}

function facts(dataset: Dataset, manifest: Manifest): [string, string][] {
  const { publication, meta } = dataset;
  const list: [string, string][] = [];
  if (publication.edition) list.push(['Edition', publication.edition]);
  if (publication.version) list.push(['Version', publication.version]);
  if (publication.published)
    list.push(['Published', formatDate(publication.published) ?? publication.published]);
  list.push(['Data as of', formatDate(meta.asOf) ?? meta.asOf]);
  // Without SOURCE_DATE_EPOCH the manifest's build time is the as-of date (reproducible bytes,
  // pipeline/manifest.ts): "Built" on that date would be false, so it is shown only when it differs.
  const built = manifest.buildTime.slice(0, 10);
  if (built !== meta.asOf.slice(0, 10)) list.push(['Built', formatDate(built) ?? built]);
  return list;
}

export function indexPageOf(input: IndexInput): IndexPage {
  const { manifest, dataset, jobs } = input;
  const documents: IndexDocumentRow[] = [];
  const charts = new Map<string, IndexChartRow>();
  const others: IndexFileRow[] = [];
  for (const output of [...manifest.outputs].sort(byPath)) {
    const job = jobs.get(output.job);
    if (output.job.startsWith('chart:')) {
      const id = output.job.slice('chart:'.length);
      const row = charts.get(id) ?? { title: input.chartTitles.get(id) ?? id, files: [] };
      row.files.push(fileRow(output));
      charts.set(id, row);
    } else if (job) {
      const thumbnail = input.thumbnails.get(output.job);
      documents.push({
        path: output.path,
        title: output.title ?? output.job,
        ...(output.subtitle ? { subtitle: output.subtitle } : {}),
        kind: kindOf(job),
        format: formatLabel(job.format),
        ...(output.pages !== undefined ? { pages: output.pages } : {}),
        ...(output.slides !== undefined ? { slides: output.slides } : {}),
        bytes: output.bytes,
        sha256: output.sha256,
        ...(thumbnail ? { thumbnail } : {}),
      });
    } else others.push(fileRow(output));
  }
  const { publication, meta } = dataset;
  const provenance = provenanceSentence(manifest);
  return {
    language: meta.language,
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    facts: facts(dataset, manifest),
    ...(publication.publisher ? { publisher: publication.publisher } : {}),
    ...(publication.licence ? { licence: publication.licence } : {}),
    ...(publication.contact ? { contact: publication.contact } : {}),
    documents,
    charts: [...charts.values()],
    others,
    sources: dataset.sources.map((s) => ({
      title: s.title,
      ...(s.author ? { author: s.author } : {}),
      ...(s.publisher ? { publisher: s.publisher } : {}),
      ...(s.date ? { date: formatDate(s.date) ?? s.date } : {}),
      ...(s.url ? { url: s.url } : {}),
    })),
    ...(provenance ? { provenance } : {}),
    briefkitVersion: manifest.briefkitVersion,
  };
}
