/** Typography and page geometry derived from the theme, in PDF points. */
import type { Theme } from '../../theme/schema.js';

const MM = 72 / 25.4;
const SIZES = { A4: [595.28, 841.89], LETTER: [612, 792] } as const;

export interface PageGeometry {
  size: 'A4' | 'LETTER';
  width: number;
  height: number;
  margin: number;
  /** The text frame: running header and footer sit inside the margins box, above and below it. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Typography {
  body: number;
  small: number;
  h1: number;
  h2: number;
  h3: number;
  h4: number;
  /** Line height as a multiple of the font size. */
  leading: number;
  /** Space after a paragraph, in points. */
  paragraphGap: number;
  colours: Theme['colours'];
}

/** Room reserved inside the margins for the running header and footer. */
export const RUNNING_BAND = 26;

export function pageGeometry(size: 'A4' | 'LETTER', marginMm: number, band = RUNNING_BAND): PageGeometry {
  const [width, height] = SIZES[size];
  const margin = marginMm * MM;
  return {
    size,
    width,
    height,
    margin,
    top: margin + band,
    bottom: height - margin - band,
    left: margin,
    right: width - margin,
  };
}

/** `scale` shrinks everything for the one-pager's compact layout. */
export function typography(theme: Theme, scale = 1): Typography {
  const s = theme.sizes;
  return {
    body: s.body * scale,
    small: s.small * scale,
    h1: s.h1 * scale,
    h2: s.h2 * scale,
    h3: s.h3 * scale,
    h4: s.body * scale,
    leading: scale < 1 ? 1.35 : 1.45,
    paragraphGap: s.body * 0.6 * scale,
    colours: theme.colours,
  };
}
