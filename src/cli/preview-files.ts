/**
 * Which file of out/ a preview request names, or why none. Only plain files under out/ are
 * served: the request path is split and percent-decoded segment by segment from the raw URL
 * (the WHATWG URL parser would silently resolve `/%2e%2e/` before we could see it), a `..`,
 * `.`, NUL or slash inside a segment is refused, every segment is lstat'ed so a symbolic link
 * inside out/ is never followed (as the build never follows one: publish.ts), and dot-files
 * (an in-place publish's `.briefkit-*` entries) are not shown.
 */
import { lstat, realpath } from 'node:fs/promises';
import { join } from 'node:path';

export type Resolved =
  | { kind: 'file'; file: string; size: number; type: string }
  | { kind: 'refused'; status: 400 | 403 | 404; reason: string };

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  svg: 'image/svg+xml',
  png: 'image/png',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  css: 'text/css; charset=utf-8',
  woff2: 'font/woff2',
};

export function contentTypeOf(file: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  return TYPES[extension] ?? 'application/octet-stream';
}

/** The decoded segments of a request's path, or why it is refused. */
export function requestSegments(rawUrl: string): string[] | Extract<Resolved, { kind: 'refused' }> {
  const path = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith('/'))
    return { kind: 'refused', status: 400, reason: 'the path does not start with /' };
  const segments: string[] = [];
  for (const raw of path.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', status: 400, reason: 'the path is not valid percent-encoding' };
    }
    if (segment === '..' || segment === '.' || /[/\\\0]/.test(segment))
      return { kind: 'refused', status: 403, reason: 'the path leaves out/ or names no file in it' };
    if (segment !== '') segments.push(segment);
  }
  return segments;
}

/** The file of `outDir` the request names (a folder: its index.html), or why none. */
export async function resolveRequest(outDir: string, rawUrl: string): Promise<Resolved> {
  const segments = requestSegments(rawUrl);
  if (!Array.isArray(segments)) return segments;
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'refused', status: 404, reason: 'not found' };
  // out/ itself is a link to the current build folder (out-layout.ts): its target is the root.
  const root = await realpath(outDir).catch(() => undefined);
  if (!root) return { kind: 'refused', status: 404, reason: 'out/ does not exist yet: nothing is built' };
  let current = root;
  const walk = [...segments];
  for (let i = 0; ; i++) {
    const info = await lstat(current).catch(() => undefined);
    if (!info) return { kind: 'refused', status: 404, reason: 'not found' };
    if (info.isSymbolicLink())
      return { kind: 'refused', status: 403, reason: 'a symbolic link inside out/ is not followed' };
    if (info.isDirectory()) {
      const next = walk[i] ?? (i === walk.length ? 'index.html' : undefined);
      if (next === undefined) return { kind: 'refused', status: 404, reason: 'not found' };
      if (i === walk.length) walk.push(next);
      current = join(current, next);
      continue;
    }
    if (!info.isFile() || i < walk.length) return { kind: 'refused', status: 404, reason: 'not found' };
    return { kind: 'file', file: current, size: info.size, type: contentTypeOf(current) };
  }
}
