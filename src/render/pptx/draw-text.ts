/** Fitted paragraphs as pptxgenjs text runs: real, editable text with exact line spacing. */

import { isSafeLink } from '../../dataset/links.js';
import { isRightToLeftParagraph } from '../../text/runs.js';
import type { Theme } from '../../theme/schema.js';
import type { FontStack } from '../../theme/stack.js';
import type { Box } from './geometry.js';
import { LINE, PARA_GAP } from './geometry.js';
import { kindIndent, kindSize } from './paragraph-lines.js';
import type { PptxSlide, TextProps, TextPropsOptions } from './pptx-types.js';
import { hex } from './pptx-types.js';
import { scriptPieces } from './script-runs.js';
import type { Para, Run } from './styled-runs.js';

/**
 * The theme as the deck draws with it: with the build's font stack (theme/build-fonts.ts),
 * which names the faces of every run.
 */
export interface DeckTheme extends Theme {
  stack: FontStack;
}

function paraOptions(para: Para, size: number, first: boolean, theme: Theme): TextPropsOptions {
  const s = kindSize(para.kind, size);
  const options: TextPropsOptions = {
    fontSize: s,
    lineSpacing: Math.round(s * LINE * 10) / 10,
    paraSpaceBefore: first ? 0 : Math.round(s * PARA_GAP * 10) / 10,
    color: hex(para.kind === 'heading' ? theme.colours.accent : theme.colours.text),
  };
  const indent = kindIndent(para.kind, size);
  if (para.kind === 'bullet') options.bullet = { indent };
  else if (para.kind === 'number')
    options.bullet = { type: 'number', numberStartAt: para.number ?? 1, indent };
  else if (para.kind === 'quote') options.indentLevel = 1;
  return options;
}

function runOptions(run: Run, base: TextPropsOptions, theme: Theme): TextPropsOptions {
  const options: TextPropsOptions = { ...base };
  if (run.bold) options.bold = true;
  if (run.italic) options.italic = true;
  if (run.superscript) {
    options.superscript = true;
    options.color = hex(theme.colours.muted);
  }
  // Only web links become hyperlinks; anything else (javascript:, file:) stays plain text.
  if (run.url && isSafeLink(run.url)) options.hyperlink = { url: run.url };
  return options;
}

/**
 * Text objects for one styled text: a piece per script and face (script-runs.ts). `first` gets
 * the paragraph options pptxgenjs reads from a paragraph's first run (bullet, rtl); `last` ends it.
 */
export function scriptedText(
  text: string,
  options: TextPropsOptions,
  theme: DeckTheme,
  place: { first: boolean; last: boolean; rtl: boolean },
): TextProps[] {
  const pieces = scriptPieces(text, theme.stack);
  return pieces.map((piece, k) => {
    const own: TextPropsOptions = { ...options, fontFace: piece.fontFace };
    const first = place.first && k === 0;
    // pptxgenjs starts a new paragraph at every run that carries `bullet`: only the first may.
    if (!first) delete own.bullet;
    // Only the base direction is set: PowerPoint runs the bidi algorithm over the logical text.
    if (first && place.rtl) own.rtlMode = true;
    if (!(place.last && k === pieces.length - 1)) delete own.breakLine;
    return { text: piece.text, options: own };
  });
}

/** One text object per script piece of each run; the last run of a paragraph ends it. */
export function textRuns(paras: readonly Para[], size: number, theme: DeckTheme): TextProps[] {
  const out: TextProps[] = [];
  paras.forEach((para, i) => {
    const base = paraOptions(para, size, i === 0, theme);
    const rtl = isRightToLeftParagraph(para.runs.map((r) => r.text).join(''));
    para.runs.forEach((run, j) => {
      const options = runOptions(run, base, theme);
      // A right-to-left paragraph starts at the right edge, its bullet there too (LibreOffice
      // reads algn="l" as the left edge even in an rtl paragraph). Every run carries it: pptxgenjs
      // starts a paragraph wherever the alignment changes.
      if (rtl) options.align = 'right';
      const last = j === para.runs.length - 1;
      if (last && i < paras.length - 1) options.breakLine = true;
      out.push(...scriptedText(run.text, options, theme, { first: j === 0, last, rtl }));
    });
  });
  return out;
}

export function drawParas(
  slide: PptxSlide,
  paras: readonly Para[],
  size: number,
  box: Box,
  theme: DeckTheme,
): void {
  if (paras.length === 0) return;
  slide.addText(textRuns(paras, size, theme), {
    ...box,
    fontFace: theme.fonts.family,
    margin: [0, 0, 0, 0],
    valign: 'top',
    fit: 'none',
    align: 'left',
  });
}

/** A single-line label (footer, caption) in one style. */
export function drawLabel(
  slide: PptxSlide,
  text: string,
  box: Box,
  theme: DeckTheme,
  options: TextPropsOptions = {},
): void {
  if (text.trim() === '') return;
  const rtl = isRightToLeftParagraph(text);
  slide.addText(scriptedText(text, {}, theme, { first: true, last: true, rtl }), {
    ...box,
    fontFace: theme.fonts.family,
    color: hex(theme.colours.muted),
    margin: [0, 0, 0, 0],
    valign: 'top',
    fit: 'none',
    ...options,
  });
}
