/**
 * The PDF renderer: a `Briefing` model and its asset bag → PDF bytes, either the
 * full briefing or a one-page sector summary. Pure apart from pdfkit: no clock, no files
 * (fonts come from the theme, read once per process).
 */
import type { Diagnostic, DiagnosticSink } from '../../diagnostics.js';
import type { AssetBag, Briefing } from '../../document/model.js';
import type { BuildFonts } from '../../theme/build-fonts.js';
import type { Theme } from '../../theme/schema.js';
import { missingGlyphs, parsedThemeFonts } from './document-fonts.js';
import { createContext } from './drawing-context.js';
import { evidenceModel, layoutEvidence } from './evidence-file.js';
import { SecondPage } from './frame.js';
import { layoutBriefing } from './full-briefing.js';
import { modelText } from './model-text.js';
import {
  drawOnePagerFooter,
  fitOnePager,
  layoutOnePager,
  ONE_PAGER_TYPE_SCALE,
  type OnePagerAttempt,
  spreadFor,
} from './one-pager.js';
import { finish } from './pdfkit-slice.js';
import { pageGeometry, typography } from './style.js';

export interface PdfOptions {
  variant: 'briefing' | 'one-pager' | 'evidence';
  /**
   * The full briefing's companion evidence file, as its sources list names it: the chart data
   * and the sentences cited go there (`variant: evidence`), not into the briefing's own annex.
   */
  evidence?: string;
  /** A one-pager's full briefing, as its sources line names it ("Full references in the full briefing, briefing.pdf."). */
  briefing?: string;
  /** PDF/A-2b for archives instead of tagged PDF/UA. */
  pdfa?: boolean;
  /** Defaults to the theme's page size. */
  pageSize?: 'A4' | 'LETTER';
  /** Creation and modification date written into the file (never the clock). */
  date: Date;
  /** Receives RENDER_OVERFLOW, missing-glyph and chart problems. */
  diagnostics?: DiagnosticSink;
  /** The build's fonts: the theme's stack is parsed once per build. */
  fonts: BuildFonts;
}

class Collect implements DiagnosticSink {
  readonly items: Diagnostic[] = [];
  report(d: Diagnostic): void {
    this.items.push(d);
  }
}

export async function renderBriefingPdf(
  model: Briefing,
  assets: AssetBag,
  theme: Theme,
  options: PdfOptions,
): Promise<Uint8Array> {
  const fonts = parsedThemeFonts(theme, options.fonts);
  const sink = options.diagnostics;
  const missing = missingGlyphs(fonts, modelText(model, assets));
  if (missing.length > 0) {
    sink?.report({
      code: 'RENDER_FAILED',
      severity: 'error',
      message: `the font ${theme.fonts.family} has no glyph for ${missing.map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}`,
      hint: 'use a theme font that covers every character of the dataset and templates',
    });
  }
  const geo = pageGeometry(options.pageSize ?? theme.page.size, theme.page.marginMm);
  const base = { model, assets, theme, fonts, geo, pdfa: options.pdfa ?? false, date: options.date };
  if (options.variant === 'briefing') {
    // The contents go on the cover when they fit; whether they do is known only once the body
    // is laid out, so a failed try is dropped (with what it reported) and laid out again.
    const attempt = (onCover: boolean) => {
      const local = new Collect();
      const ctx = createContext({ ...base, type: typography(theme), diagnostics: local });
      return { ctx, done: layoutBriefing(ctx, options.evidence, onCover), diagnostics: local.items };
    };
    const first = attempt(true);
    const chosen = first.done ? first : attempt(false);
    for (const d of chosen.diagnostics) sink?.report(d);
    return finish(chosen.ctx.doc);
  }
  if (options.variant === 'evidence') {
    const ctx = createContext({
      ...base,
      model: evidenceModel(model),
      type: typography(theme),
      diagnostics: sink,
    });
    layoutEvidence(ctx);
    return finish(ctx.doc);
  }
  // A narrower margin and a thin footer band: the one-pager has no running header.
  const onePagerGeo = pageGeometry(options.pageSize ?? theme.page.size, theme.page.marginMm * 0.75, 14);
  const layout = (
    shown: Briefing,
    chartScale: number,
    { spread = 0, measuring = true, probe = false } = {},
  ): OnePagerAttempt => {
    const local = new Collect();
    const ctx = createContext({
      ...base,
      model: shown,
      geo: onePagerGeo,
      type: typography(theme, ONE_PAGER_TYPE_SCALE),
      diagnostics: local,
    });
    ctx.chartScale = chartScale;
    ctx.measuring = measuring;
    ctx.onePageOnly = probe;
    let slack: number;
    try {
      slack = layoutOnePager(ctx, {
        ...(options.briefing ? { briefing: options.briefing } : {}),
        spread,
      });
    } catch (stopped) {
      // A probe that opened a second page: it does not fit, which is all it was asked.
      if (stopped instanceof SecondPage) return { ctx, diagnostics: local.items, pages: 2 };
      throw stopped;
    }
    // Attempts that overflow are dropped unfinished; pdfkit holds them only in memory.
    return { ctx, diagnostics: local.items, pages: ctx.doc.bufferedPageRange().count, slack };
  };
  // The tries only measure (no text drawn); the layout chosen is laid out once more, drawn.
  const fitted = fitOnePager(model, (shown, chartScale, probe) =>
    layout(shown, chartScale, { probe: probe ?? false }),
  );
  // A page with room to spare is laid out once more with its sections spread down the sheet.
  const spread = spreadFor(fitted.slack ?? 0, fitted.ctx.model.sections.length);
  // Kept only if it fits: a probe.
  const spreadOut =
    spread > 0 ? layout(fitted.ctx.model, fitted.ctx.chartScale, { spread, probe: true }) : undefined;
  const chosen =
    spreadOut?.pages === 1
      ? { spread, diagnostics: spreadOut.diagnostics }
      : { spread: 0, diagnostics: fitted.diagnostics };
  const { ctx } = layout(fitted.ctx.model, fitted.ctx.chartScale, {
    spread: chosen.spread,
    measuring: false,
  });
  const { diagnostics } = chosen;
  for (const d of diagnostics) sink?.report(d);
  drawOnePagerFooter(ctx);
  return finish(ctx.doc);
}
