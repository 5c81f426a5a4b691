/**
 * The one-pager's sources in at most three lines at the foot of the page: each source by a
 * short name ("[1] Jaemin Park, Korea On Point, 2025"), then where the full references are (the
 * full briefing, by its file name when the config gives it). A page citing many sources uses a
 * shorter form, the first that fits three lines: name and year; the names alone, a publisher
 * once with all its numbers ("[1, 4, 7] Jiji Press"); and last the names that fit, the rest
 * by number. Every number the page cites stays on it, and each is a link target.
 */
import type { Inline, SourceEntry } from '../../document/model.js';
import { sourceWho, sourceYear } from '../../document/source-names.js';
import { bodyStyle } from './blocks.js';
import { placeLines } from './flow.js';
import type { Ctx } from './frame.js';
import type { Line } from './lines.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { flattenInlines } from './styled-pieces.js';
import { layoutText, sourceDestination } from './text.js';

/** The most lines the sources take on a one-pager (issue 14). */
export const SOURCE_LINES = 3;

/** Its outlet, when the author is not the publisher. */
const outletOf = (s: SourceEntry): string | undefined =>
  s.author && s.publisher && s.publisher !== s.author ? s.publisher : undefined;

type Entry = { numbers: number[]; text: string };

/** The forms tried, longest first: each a list of entries. */
function forms(sources: readonly SourceEntry[]): Entry[][] {
  const full = sources.map((s) => ({
    numbers: [s.number],
    text: [sourceWho(s), outletOf(s), sourceYear(s)].filter(Boolean).join(', '),
  }));
  const dated = sources.map((s) => ({
    numbers: [s.number],
    text: [s.publisher ?? sourceWho(s), sourceYear(s)].filter(Boolean).join(', '),
  }));
  const grouped = new Map<string, number[]>();
  for (const s of sources) {
    const name = s.publisher ?? sourceWho(s);
    grouped.set(name, [...(grouped.get(name) ?? []), s.number]);
  }
  const names = [...grouped].map(([text, numbers]) => ({ numbers, text }));
  return [full, dated, names];
}

function inlines(entries: readonly Entry[], rest: readonly number[], pointer: string): Inline[] {
  const out: Inline[] = [{ type: 'strong', children: [{ type: 'text', text: 'Sources: ' }] }];
  entries.forEach((entry, i) => {
    const label = `[${entry.numbers.join(', ')}]`;
    if (i > 0) out.push({ type: 'text', text: '; ' });
    out.push({ type: 'strong', children: [{ type: 'text', text: label }] });
    out.push({ type: 'text', text: ` ${entry.text}` });
  });
  if (rest.length > 0) out.push({ type: 'text', text: `; also [${rest.join(', ')}]` });
  out.push({ type: 'text', text: `. ${pointer}` });
  return out;
}

/** "Full references in the full briefing (briefing.pdf)." */
export function referencesPointer(briefing: string | undefined): string {
  return briefing
    ? `Full references in the full briefing, ${briefing}.`
    : 'Full references in the full briefing.';
}

/** The lines of the shortest-needed form, at the small size, in `width`. */
export function compactSourceLines(
  ctx: Ctx,
  sources: readonly SourceEntry[],
  width: number,
  briefing?: string,
): Line[] {
  const size = ctx.type.small;
  const pointer = referencesPointer(briefing);
  const lay = (entries: readonly Entry[], rest: readonly number[] = []) =>
    layoutText(ctx, flattenInlines(inlines(entries, rest, pointer)), width, size);
  const tried = forms(sources);
  for (const form of tried) {
    const lines = lay(form);
    if (lines.length <= SOURCE_LINES) return lines;
  }
  // The names that fit, the rest by number: fewer named entries until three lines hold them.
  const names = tried.at(-1) ?? [];
  for (let kept = names.length - 1; kept >= 0; kept--) {
    const rest = names.slice(kept).flatMap((e) => e.numbers);
    const lines = lay(
      names.slice(0, kept),
      rest.sort((a, b) => a - b),
    );
    if (lines.length <= SOURCE_LINES) return lines;
  }
  return lay(
    [],
    sources.map((s) => s.number),
  );
}

/**
 * Draws the sources at the foot of the page (or under the content when it reaches lower),
 * under a hairline, as one tagged paragraph whose top is every cited number's link target.
 * Returns where the content above may end (the hairline less a line's gap).
 */
export function placeCompactSources(
  ctx: Ctx,
  root: PdfStruct,
  x: number,
  width: number,
  briefing?: string,
): number {
  const { model, doc, geo } = ctx;
  if (model.sources.length === 0) return geo.bottom;
  const lines = compactSourceLines(ctx, model.sources, width, briefing);
  const style = bodyStyle(ctx, ctx.type.small);
  const rule = 8;
  const height = rule + lines.length * style.lineHeight;
  ctx.y = Math.max(ctx.y + ctx.type.body, geo.bottom - height);
  const top = ctx.y - ctx.type.body;
  ctx.tags.artifact(() => {
    doc.rect(x, ctx.y, width, 0.6).fill(ctx.type.colours.grid);
  });
  ctx.y += rule;
  for (const source of model.sources)
    doc.addNamedDestination(sourceDestination(source.number), 'XYZ', x, ctx.y, null);
  const section = doc.struct('Sect');
  root.add(section);
  const element = doc.struct('P');
  section.add(element);
  placeLines(ctx, lines, style, x, element, 'P');
  return top;
}
