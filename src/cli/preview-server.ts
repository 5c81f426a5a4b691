/**
 * The HTTP server behind `briefkit preview`: out/ read-only (preview-files.ts), an event
 * stream that tells open pages when a build ends, and the failure page while the last build
 * failed (preview-pages.ts). Bound to loopback, it also refuses requests whose Host header
 * names another host, so a web page elsewhere cannot read out/ through DNS rebinding.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Diagnostic } from '../diagnostics.js';
import { resolveRequest } from './preview-files.js';
import {
  EVENTS_PATH,
  failurePage,
  injectReload,
  RELOAD_SCRIPT,
  RELOAD_SCRIPT_PATH,
  waitingPage,
} from './preview-pages.js';

export interface PreviewState {
  /** `building` only before the first build ends; later builds keep the last outcome until they end. */
  status: 'building' | 'ok' | 'failed';
  outDir?: string;
  diagnostics: readonly Diagnostic[];
  message?: string;
  /** Counts finished builds: the event stream's data. */
  builds: number;
}

export interface PreviewServer {
  server: Server;
  /** The URL it serves, e.g. http://127.0.0.1:4173/. */
  url: string;
  /** Tells every open page that a build ended. */
  buildEnded(): void;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The host name of a Host header (`[::1]:4173` → `::1`). */
function hostOf(header: string | undefined): string {
  if (!header) return '';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1] ?? '';
  return header.replace(/:\d+$/, '').toLowerCase();
}

/** Headers every response carries: nothing cached (a rebuild changes files), no sniffing. */
const COMMON = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
/** For what is not HTML (SVG may hold script): no script, no request, whatever the file says. */
const FILE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox";

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  head: boolean,
): void {
  res.writeHead(status, { ...COMMON, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

export async function startPreviewServer(options: {
  host: string;
  port: number;
  state: () => PreviewState;
}): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  const loopbackOnly = isLoopback(options.host);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, 'text/plain; charset=utf-8', 'only GET and HEAD\n', false);
    }
    if (loopbackOnly && !isLoopback(hostOf(req.headers.host)))
      return send(res, 403, 'text/plain; charset=utf-8', 'this preview answers to localhost only\n', head);
    const url = req.url ?? '/';
    const path = url.split(/[?#]/, 1)[0];
    if (path === EVENTS_PATH) {
      res.writeHead(200, { ...COMMON, 'content-type': 'text/event-stream; charset=utf-8' });
      res.write(`retry: 1000\nevent: hello\ndata: ${options.state().builds}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (path === RELOAD_SCRIPT_PATH)
      return send(res, 200, 'text/javascript; charset=utf-8', RELOAD_SCRIPT, head);
    const state = options.state();
    const html = 'text/html; charset=utf-8';
    if (state.status === 'failed')
      return send(res, 500, html, failurePage(state.diagnostics, state.message), head);
    if (!state.outDir) return send(res, 503, html, waitingPage(), head);
    const resolved = await resolveRequest(state.outDir, url);
    if (resolved.kind === 'refused')
      return send(res, resolved.status, 'text/plain; charset=utf-8', `${resolved.reason}\n`, head);
    const bytes = await readFile(resolved.file);
    if (resolved.type.startsWith('text/html'))
      return send(res, 200, html, injectReload(bytes.toString('utf8')), head);
    res.setHeader('content-security-policy', FILE_CSP);
    return send(res, 200, resolved.type, bytes, head);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((cause: unknown) => {
      if (!res.headersSent)
        send(res, 500, 'text/plain; charset=utf-8', `could not read the file: ${String(cause)}\n`, false);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}/`,
    buildEnded() {
      const data = `event: build\ndata: ${options.state().builds}\n\n`;
      for (const stream of streams) stream.write(data);
    },
    close() {
      for (const stream of streams) stream.end();
      streams.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
