/**
 * `briefkit preview`: builds, serves out/ on 127.0.0.1, rebuilds on every change (the watch
 * of `build --watch`, watch.ts) and reloads the open pages when a build ends: the new outputs
 * after a success, the build's diagnostics after a failure (preview-server.ts). Another
 * address only with `--host`; Ctrl-C (SIGINT) or SIGTERM stops the watch, then the server.
 */
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { loadConfig } from '../pipeline/config.js';
import { projectOf } from '../pipeline/config-paths.js';
import type { ParsedBuildFlags } from './build-command.js';
import { type BuildOutcome, runFullBuild } from './build-full.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { isLoopback, type PreviewServer, type PreviewState, startPreviewServer } from './preview-server.js';
import { runWatch } from './watch.js';

export const DEFAULT_PREVIEW_PORT = 4173;
export const DEFAULT_PREVIEW_HOST = '127.0.0.1';

export interface PreviewFlags {
  port: number;
  host: string;
}

/** `--port` and `--host` checked, or the usage message. */
export function parsePreviewFlags(values: { port?: string; host?: string }): PreviewFlags | string {
  let port = DEFAULT_PREVIEW_PORT;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535)
      return `--port needs a port number from 0 to 65535 (0: any free port), got "${values.port}"`;
    port = Number(values.port);
  }
  const host = values.host ?? DEFAULT_PREVIEW_HOST;
  if (host !== 'localhost' && isIP(host) === 0)
    return `--host needs an IP address (e.g. 127.0.0.1, 0.0.0.0) or localhost, got "${host}"`;
  return { port, host };
}

/** The out/ folder of a valid config, for the first requests before the first build ends. */
async function configuredOut(cwd: string, configFile: string): Promise<string | undefined> {
  const { projectDir, configPath } = projectOf(resolve(cwd), configFile);
  const config = (await loadConfig(configPath)).value;
  return config ? join(projectDir, config.out) : undefined;
}

function stopOnSignals(controller: AbortController): () => void {
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}

export async function runPreview(
  flags: ParsedBuildFlags,
  preview: PreviewFlags,
  io: Io,
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<ExitCode> {
  const outDir = await configuredOut(cwd, flags.configFile);
  let state: PreviewState = { status: 'building', diagnostics: [], builds: 0, ...(outDir ? { outDir } : {}) };
  let server: PreviewServer;
  try {
    server = await startPreviewServer({ host: preview.host, port: preview.port, state: () => state });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? `port ${preview.port} is in use: give another with --port, or --port 0 for any free port`
        : `cannot listen on ${preview.host}:${preview.port}: ${cause instanceof Error ? cause.message : String(cause)}`;
    io.err(`briefkit: preview: ${why}\n`);
    return EXIT.failure;
  }
  if (!isLoopback(preview.host))
    io.err(
      `briefkit: preview: serving on ${preview.host}: anyone who can reach this machine can read out/\n`,
    );
  io.err(`briefkit: previewing out/ at ${server.url} (Ctrl-C to stop)\n`);
  const controller = new AbortController();
  const forget = stopOnSignals(controller);
  const observe = (outcome: BuildOutcome) => {
    state = {
      status: outcome.ok ? 'ok' : 'failed',
      diagnostics: outcome.diagnostics,
      builds: state.builds + 1,
      ...(outcome.outDir || state.outDir ? { outDir: outcome.outDir ?? state.outDir } : {}),
      ...(outcome.message ? { message: outcome.message } : {}),
    };
  };
  try {
    await runWatch(flags, io, cwd, env, {
      signal: controller.signal,
      build: async () => {
        const code = await runFullBuild(flags, io, cwd, env, observe);
        server.buildEnded();
        return code;
      },
    });
  } finally {
    forget();
    await server.close();
  }
  io.err('briefkit: preview stopped\n');
  return EXIT.ok;
}
