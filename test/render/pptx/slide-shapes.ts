/** The shapes of a slide's XML as boxes in inches, for the tests that check what sits where. */
import { decode } from './deck-helpers.js';

const EMU = 914400;

export interface Shape {
  x: number;
  y: number;
  w: number;
  h: number;
  /** The shape's text, runs joined, paragraphs by newlines; '' for a plain rectangle. */
  text: string;
  /** Font sizes of its runs, pt. */
  sizes: number[];
  title: boolean;
}

/** Every `p:sp` of a slide. */
export function slideShapes(xml: string): Shape[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => {
    const sp = m[1] ?? '';
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(sp);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp);
    const paras = [...sp.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) =>
      [...(p[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decode(t[1] ?? '')).join(''),
    );
    return {
      x: Number(off?.[1] ?? 0) / EMU,
      y: Number(off?.[2] ?? 0) / EMU,
      w: Number(ext?.[1] ?? 0) / EMU,
      h: Number(ext?.[2] ?? 0) / EMU,
      text: paras.filter((p) => p !== '').join('\n'),
      sizes: [...sp.matchAll(/<a:rPr [^>]*sz="(\d+)"/g)].map((s) => Number(s[1]) / 100),
      title: sp.includes('<p:ph type="title"'),
    };
  });
}

/** Whether `inner` lies inside `outer`, `slack` inches allowed for rounding to EMU. */
export const inside = (inner: Shape, outer: Shape, slack = 0.005): boolean =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.w <= outer.x + outer.w + slack &&
  inner.y + inner.h <= outer.y + outer.h + slack;

/** Whether two boxes share an area (touching edges do not count). */
export const overlap = (a: Shape, b: Shape, slack = 0.005): boolean =>
  a.x + a.w > b.x + slack && b.x + b.w > a.x + slack && a.y + a.h > b.y + slack && b.y + b.h > a.y + slack;

/** The frames of a slide named `name` (a table's or a chart's graphicFrame), XML each. */
export function namedFrames(xml: string, name: string): string[] {
  return (xml.match(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g) ?? []).filter((f) =>
    f.includes(`name="${name}"`),
  );
}

/** A table frame's rows, each its cells' texts. */
export function tableRows(frame: string): string[][] {
  return [...frame.matchAll(/<a:tr [^>]*>([\s\S]*?)<\/a:tr>/g)].map((tr) =>
    [...(tr[1] ?? '').matchAll(/<a:tc(?:\s[^>]*)?>([\s\S]*?)<\/a:tc>/g)].map((tc) =>
      [...(tc[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decode(t[1] ?? '')).join(''),
    ),
  );
}
