/**
 * A cover thumbnail for the index page, made without a browser or a PDF rasteriser: a
 * schematic of the cover in the theme's colours (the accent band, bars where the title and
 * text stand) with the document's first chart, drawn as SVG and rasterised by resvg (already
 * the charts' PNG engine) into a small PNG that the page embeds as a data: URL. It shows no
 * text, so it needs no font; the row beside it names the document (its alt text is empty).
 * Same inputs, same bytes: resvg is deterministic and nothing here reads the clock.
 */
import type { Theme } from '../../theme/schema.js';
import type { Thumbnail } from './rows.js';

/** Shown 72 CSS px wide, drawn at twice that for sharp screens. */
export const THUMBNAIL_WIDTH = 72;
const DRAWN_SCALE = 2;

export type CoverShape = 'A4' | 'LETTER' | 'slide';

const SHAPES: Record<CoverShape, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  LETTER: { width: 216, height: 279 },
  slide: { width: 320, height: 180 },
};

export interface CoverInput {
  shape: CoverShape;
  colours: Theme['colours'];
  /** The first chart the document places: its PNG and its size (any unit, for the ratio). */
  chart?: { png: Uint8Array; width: number; height: number };
}

type ResvgModule = typeof import('@resvg/resvg-js');
/**
 * resvg's native module, imported on the first thumbnail that needs a chart and then shared: it
 * holds no per-build state (each render makes its own Resvg object), so one import per process
 * (or worker thread, each with its own module scope) is safe and saves the load on every page.
 */
let resvgModule: Promise<ResvgModule> | undefined;

function bars(
  x: number,
  y: number,
  widths: number[],
  height: number,
  gap: number,
  fill: string,
  opacity = 1,
): string {
  return widths
    .map(
      (w, i) =>
        `<rect x="${x}" y="${(y + i * (height + gap)).toFixed(1)}" width="${w.toFixed(1)}" height="${height.toFixed(1)}" rx="${(height / 2).toFixed(1)}" fill="${fill}" opacity="${opacity}"/>`,
    )
    .join('');
}

/** The schematic cover as SVG (exported for tests). */
export function coverSvg(input: CoverInput): string {
  const { width: w, height: h } = SHAPES[input.shape];
  const c = input.colours;
  const pad = w * 0.08;
  const inner = w - 2 * pad;
  const band = h * (input.shape === 'slide' ? 0.34 : 0.26);
  const line = h * (input.shape === 'slide' ? 0.05 : 0.028);
  const title = bars(pad, band * 0.38, [inner * 0.78, inner * 0.52], line, line * 0.7, c.accentLight);
  const textTop = band + pad * 0.8;
  const text = bars(pad, textTop, [inner, inner * 0.92, inner * 0.6], line * 0.6, line * 0.8, c.muted, 0.35);
  let picture = '';
  if (input.chart) {
    const top = textTop + 3 * line * 1.4 + pad * 0.5;
    const room = h - top - pad;
    const drawnHeight = Math.min(room, (inner * input.chart.height) / input.chart.width);
    const data = Buffer.from(input.chart.png).toString('base64');
    picture = `<image x="${pad}" y="${top.toFixed(1)}" width="${inner.toFixed(1)}" height="${drawnHeight.toFixed(1)}" preserveAspectRatio="xMidYMin meet" href="data:image/png;base64,${data}"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="${c.background}"/><rect width="${w}" height="${band.toFixed(1)}" fill="${c.accent}"/>${title}${text}${picture}</svg>`;
}

export async function coverThumbnail(input: CoverInput): Promise<Thumbnail> {
  resvgModule ??= import('@resvg/resvg-js');
  const { Resvg } = await resvgModule;
  const shape = SHAPES[input.shape];
  // Only documented keys: one unknown key makes resvg 2.6.2 ignore every option (STACK.md).
  const resvg = new Resvg(coverSvg(input), {
    fitTo: { mode: 'width', value: THUMBNAIL_WIDTH * DRAWN_SCALE },
    font: { loadSystemFonts: false, fontFiles: [], defaultFontFamily: 'sans-serif' },
  });
  const png = resvg.render().asPng();
  return {
    src: `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
    width: THUMBNAIL_WIDTH,
    height: Math.round((THUMBNAIL_WIDTH * shape.height) / shape.width),
  };
}
