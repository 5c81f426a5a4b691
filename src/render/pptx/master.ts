/**
 * Slide masters from the theme: a title master on the accent colour, a section master, and
 * the content master (accent band, title placeholder and rule, footer rule, wordmark, slide
 * number). Titles go into the masters' title placeholders so PowerPoint's outline and screen
 * readers see them as titles.
 */
import type { Theme } from '../../theme/schema.js';
import { CONTENT_W, FOOTER_H, FOOTER_Y, MARGIN_X, SLIDE_H, SLIDE_W, TITLE_BOX } from './geometry.js';
import { hex, type Pptx } from './pptx-types.js';
import { oneLine } from './sanitize.js';

export const MASTER = {
  title: 'BRIEFKIT_TITLE',
  section: 'BRIEFKIT_SECTION',
  content: 'BRIEFKIT_CONTENT',
} as const;

/** Where the title slide's and section slide's title placeholders sit. */
export const COVER_TITLE = { x: MARGIN_X + 0.3, y: 2.1, w: CONTENT_W - 0.6, h: 1.9 };
export const SECTION_TITLE = { x: MARGIN_X + 0.5, y: 2.6, w: CONTENT_W - 1, h: 1.5 };
export const WORDMARK_W = 2.2;

function wordmark(theme: Theme, colour: string, y: number) {
  if (!theme.wordmark) return [];
  return [
    {
      text: {
        text: oneLine(theme.wordmark),
        options: {
          x: SLIDE_W - MARGIN_X - 0.6 - WORDMARK_W,
          y,
          w: WORDMARK_W,
          h: FOOTER_H,
          fontFace: theme.fonts.family,
          fontSize: 11,
          bold: true,
          color: colour,
          align: 'right' as const,
          valign: 'middle' as const,
          margin: [0, 0, 0, 0] as [number, number, number, number],
        },
      },
    },
  ];
}

export function defineMasters(pptx: Pptx, theme: Theme): void {
  const c = theme.colours;
  const font = theme.fonts.family;
  pptx.defineSlideMaster({
    title: MASTER.title,
    background: { color: hex(c.accent) },
    objects: [
      // No band along the foot: a text-coloured strip under the accent read as a rendering fault.
      {
        rect: {
          x: COVER_TITLE.x,
          y: 1.75,
          w: 1.2,
          h: 0.06,
          fill: { color: hex(c.palette[1] ?? c.accentLight) },
        },
      },
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            ...COVER_TITLE,
            fontFace: font,
            fontSize: 40,
            bold: true,
            color: 'FFFFFF',
            valign: 'top',
            align: 'left',
            margin: [0, 0, 0, 0],
          },
          text: '',
        },
      },
      ...wordmark(theme, 'FFFFFF', SLIDE_H - 0.41),
    ],
  });
  pptx.defineSlideMaster({
    title: MASTER.section,
    background: { color: hex(c.accentLight) },
    objects: [
      { rect: { x: 0, y: 0, w: 0.35, h: SLIDE_H, fill: { color: hex(c.accent) } } },
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            ...SECTION_TITLE,
            fontFace: font,
            fontSize: 36,
            bold: true,
            color: hex(c.accent),
            valign: 'bottom',
            align: 'left',
            margin: [0, 0, 0, 0],
          },
          text: '',
        },
      },
      ...wordmark(theme, hex(c.accent), FOOTER_Y),
    ],
  });
  pptx.defineSlideMaster({
    title: MASTER.content,
    background: { color: hex(c.background) },
    slideNumber: {
      x: SLIDE_W - MARGIN_X - 0.5,
      y: FOOTER_Y,
      w: 0.5,
      h: FOOTER_H,
      fontFace: font,
      fontSize: 10,
      color: hex(c.muted),
      align: 'right',
      valign: 'middle',
      margin: [0, 0, 0, 0],
    },
    objects: [
      { rect: { x: 0, y: 0, w: SLIDE_W, h: 0.14, fill: { color: hex(c.accent) } } },
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            ...TITLE_BOX,
            fontFace: font,
            fontSize: theme.sizes.slideTitle,
            bold: true,
            color: hex(c.accent),
            valign: 'bottom',
            align: 'left',
            margin: [0, 0, 0, 0],
          },
          text: '',
        },
      },
      {
        rect: {
          x: MARGIN_X,
          y: TITLE_BOX.y + TITLE_BOX.h + 0.08,
          w: CONTENT_W,
          h: 0.03,
          fill: { color: hex(c.accent) },
        },
      },
      { rect: { x: MARGIN_X, y: FOOTER_Y - 0.06, w: CONTENT_W, h: 0.01, fill: { color: hex(c.grid) } } },
      ...wordmark(theme, hex(c.accent), FOOTER_Y),
    ],
  });
}
