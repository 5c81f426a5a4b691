/** Fitted paragraphs as pptxgenjs text runs: real, editable text with exact line spacing. */

import { isSafeLink } from '../../dataset/links.js';
import type { Theme } from '../../theme/schema.js';
import type { Box } from './geometry.js';
import { LINE, PARA_GAP } from './geometry.js';
import type { PptxSlide, TextProps, TextPropsOptions } from './pptx-types.js';
import { hex } from './pptx-types.js';
import type { Para, Run } from './runs.js';
import { kindIndent, kindSize } from './wrap.js';

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

/** One text object per run; the last run of a paragraph ends it. */
export function textRuns(paras: readonly Para[], size: number, theme: Theme): TextProps[] {
  const out: TextProps[] = [];
  paras.forEach((para, i) => {
    const base = paraOptions(para, size, i === 0, theme);
    para.runs.forEach((run, j) => {
      const options = runOptions(run, base, theme);
      // pptxgenjs starts a new paragraph at every run that carries `bullet`: only the first may.
      if (j > 0) delete options.bullet;
      if (j === para.runs.length - 1 && i < paras.length - 1) options.breakLine = true;
      out.push({ text: run.text, options });
    });
  });
  return out;
}

export function drawParas(
  slide: PptxSlide,
  paras: readonly Para[],
  size: number,
  box: Box,
  theme: Theme,
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
  theme: Theme,
  options: TextPropsOptions = {},
): void {
  if (text.trim() === '') return;
  slide.addText(text, {
    ...box,
    fontFace: theme.fonts.family,
    color: hex(theme.colours.muted),
    margin: [0, 0, 0, 0],
    valign: 'top',
    fit: 'none',
    ...options,
  });
}
