/**
 * Renderer sessions (render/renderer.ts) between builds, each kept in the build's state
 * folder beside its lock. Each thread opens a renderer's session before its first document
 * of that format; the main thread persists the sessions it used after a successful build.
 * A missing or broken session file only costs time.
 */
import { join } from 'node:path';
import type { Renderer, SessionSetup } from '../render/registry.js';
import type { Theme } from '../theme/schema.js';

export interface SessionsSetup {
  theme: Theme;
  /** The build's state folder; absent: no session is kept between builds. */
  stateDir?: string;
  /** Names each session file: sessions belong to the exact font files and briefkit version. */
  sessionKey: string;
}

/** Sessions this thread opened, by format. */
const opened = new Map<string, { renderer: Renderer; ready: Promise<void> }>();

function sessionSetup(setup: SessionsSetup, folder: string): SessionSetup {
  return {
    theme: setup.theme,
    ...(setup.stateDir ? { file: join(setup.stateDir, folder, `${setup.sessionKey}.json`) } : {}),
  };
}

/** Before this thread's first document of the renderer's format: open its session (once). */
export function openSessionOnce(renderer: Renderer, setup: SessionsSetup): Promise<void> {
  const session = renderer.session;
  if (!session) return Promise.resolve();
  let entry = opened.get(renderer.format);
  if (!entry) {
    entry = { renderer, ready: session.open(sessionSetup(setup, session.folder)) };
    opened.set(renderer.format, entry);
  }
  return entry.ready;
}

/** After a successful build: persist what this thread's sessions hold. */
export async function persistSessions(setup: SessionsSetup): Promise<void> {
  for (const { renderer } of opened.values()) {
    const session = renderer.session;
    if (session) await session.persist(sessionSetup(setup, session.folder));
  }
}
