/**
 * The index page's step in the build (build-publish.ts): after every output is in the staging
 * folder and the manifest is made, out/index.html is written into the same staging folder, so
 * it is published by the same swap as everything else, or not at all.
 *
 * It is not listed in the manifest, as manifest.json and provenance.json are not: it is a
 * description of the build's outputs, made from the manifest, with no cache key of its own;
 * listing it would make the manifest describe a file that describes the manifest. A build
 * that does not write it (`index: false`, a `--shard` build) drops the previous one.
 */
import { readFile } from 'node:fs/promises';
import { afterPngDrawn } from '../../charts/native-memory.js';
import type { Dataset } from '../../dataset/schema.js';
import { rendererFor } from '../../render/registry.js';
import type { IndexEntry } from '../../render/renderer.js';
import type { Theme } from '../../theme/schema.js';
import type { BuildConfig } from '../config.js';
import { type PlannedDocument, type PlannedJob, planDocuments } from '../jobs.js';
import type { Manifest, ManifestOutput } from '../manifest.js';
import { INDEX_FILE } from '../manifest.js';
import type { Staging } from '../publish.js';
import { indexHtml } from './html.js';
import { type IndexJob, indexPageOf, type Thumbnail } from './rows.js';
import { type CoverShape, coverThumbnail } from './thumbnail.js';

const documentsOf = (selected: readonly PlannedJob[]) =>
  selected.filter((job): job is PlannedDocument => job.kind === 'document');

/** Each document output of this build with its title and subtitle from its model. */
export function withTitles(outputs: ManifestOutput[], selected: readonly PlannedJob[]): ManifestOutput[] {
  const docs = new Map(documentsOf(selected).map((doc) => [doc.id, doc]));
  return outputs.map((output) => {
    const doc = docs.get(output.job);
    if (!doc) return output;
    const meta = doc.model.meta;
    // A companion file is titled by its renderer ("Evidence and data: <title>"), as its own pages are.
    const prefix = rendererFor(doc.job.format).indexEntry?.(doc.job.options)?.titlePrefix ?? '';
    const { subtitle: _old, ...rest } = output;
    return {
      ...rest,
      title: `${prefix}${meta.title}`,
      ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    };
  });
}

const kindFrom = (entry: IndexEntry | undefined) => (entry ? { kind: entry.kind } : {});

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(png: Uint8Array): { width: number; height: number } | undefined {
  if (png.byteLength < 24) return undefined;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** What a thumbnail needs of a planned document. */
export type ThumbnailDoc = Pick<PlannedDocument, 'id' | 'chartIds'> & {
  job: Pick<PlannedDocument['job'], 'options'>;
  model: Pick<PlannedDocument['model'], 'kind'>;
};

function shapeOf(doc: ThumbnailDoc): CoverShape {
  if (doc.model.kind === 'deck') return 'slide';
  return (doc.job.options as { pageSize?: unknown }).pageSize === 'LETTER' ? 'LETTER' : 'A4';
}

/**
 * Each document's cover thumbnail. Documents of one shape whose first chart is the same (the
 * briefing, its companion and its HTML edition; the one-pagers without a chart) share one
 * drawing: it is a function of the shape, the theme's colours and that chart only. `afterEach`
 * runs after every drawing: resvg decodes the embedded chart PNG into native memory V8 does not
 * see, and without the charts' collection cadence (charts/native-memory.ts) the index step grew
 * ~150 MB at 1,000 one-pagers (measured). Both hooks are injectable for
 * test/index-page/thumbnails-once.test.ts and thumbnail-memory.test.ts.
 */
export async function thumbnailsOf(
  staging: Pick<Staging, 'pathOf'>,
  docs: readonly ThumbnailDoc[],
  outputs: readonly ManifestOutput[],
  theme: Pick<Theme, 'colours'>,
  hooks: { draw?: typeof coverThumbnail; afterEach?: () => Promise<void> } = {},
): Promise<Map<string, Thumbnail>> {
  const draw = hooks.draw ?? coverThumbnail;
  const afterEach = hooks.afterEach ?? afterPngDrawn;
  const thumbnails = new Map<string, Thumbnail>();
  const drawn = new Map<string, Thumbnail>();
  // Each chart job's PNG, looked up once: a search of the outputs per document grew with the square of them.
  const pngOf = new Map<string, string>();
  for (const o of outputs) if (o.path.endsWith('.png') && !pngOf.has(o.job)) pngOf.set(o.job, o.path);
  for (const doc of docs) {
    const first = doc.chartIds[0];
    const pngPath = pngOf.get(`chart:${first}`);
    const shape = shapeOf(doc);
    const key = JSON.stringify([shape, pngPath ?? null]);
    let thumbnail = drawn.get(key);
    if (!thumbnail) {
      const png = pngPath ? new Uint8Array(await readFile(staging.pathOf(pngPath))) : undefined;
      const size = png ? pngSize(png) : undefined;
      thumbnail = await draw({
        shape,
        colours: theme.colours,
        ...(png && size ? { chart: { png, ...size } } : {}),
      });
      drawn.set(key, thumbnail);
      await afterEach();
    }
    thumbnails.set(doc.id, thumbnail);
  }
  return thumbnails;
}

export interface IndexStepInput {
  config: BuildConfig;
  dataset: Dataset;
  theme: Theme;
  selected: readonly PlannedJob[];
  chartTitles: ReadonlyMap<string, string>;
  manifest: Manifest;
}

export async function writeIndexPage(staging: Staging, input: IndexStepInput): Promise<void> {
  const sectorIds = input.dataset.sectors.map((s) => s.id);
  const jobs = new Map<string, IndexJob>(
    planDocuments(input.config, sectorIds, rendererFor).map((job) => [
      job.id,
      {
        format: job.format,
        model: rendererFor(job.format).model,
        ...(job.sectorId !== undefined ? { sectorId: job.sectorId } : {}),
        ...kindFrom(rendererFor(job.format).indexEntry?.(job.options)),
      },
    ]),
  );
  const docs = documentsOf(input.selected);
  const thumbnails = await thumbnailsOf(staging, docs, input.manifest.outputs, input.theme);
  const page = indexPageOf({
    manifest: input.manifest,
    dataset: input.dataset,
    jobs,
    chartTitles: input.chartTitles,
    thumbnails,
  });
  await staging.write(INDEX_FILE, indexHtml(page));
}
