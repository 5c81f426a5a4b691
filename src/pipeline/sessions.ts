/**
 * What one build keeps in one thread, as an explicit object instead of module scope: the
 * build's fonts (theme/build-fonts.ts), its charts bound once, its chart specs compiled once
 * (charts/compiled-specs.ts) and the renderer sessions (render/renderer.ts) this thread opened. The main thread makes one per build (run-build.ts),
 * each worker thread its own (worker.ts: a worker lives for one build), so a build in a
 * long-running process (`--watch`) reads its inputs afresh. Renderer sessions are kept between
 * builds in the build's state folder beside its lock: each thread opens a renderer's session
 * before its first document of that format; the main thread persists the sessions it used
 * after a successful build. A missing or broken session file only costs time.
 */
import { join } from 'node:path';
import type { BoundCharts } from '../charts/catalogue.js';
import { CompiledSpecs } from '../charts/compiled-specs.js';
import type { Renderer, SessionSetup } from '../render/registry.js';
import { BuildFonts } from '../theme/build-fonts.js';
import type { Theme } from '../theme/schema.js';

export interface SessionsSetup {
  theme: Theme;
  /** The build's state folder; absent: no session is kept between builds. */
  stateDir?: string;
  /** Names each session file: sessions belong to the exact font files and briefkit version. */
  sessionKey: string;
}

export class BuildSession {
  /** The font files, parsed fonts and stacks of this build in this thread. */
  readonly fonts = new BuildFonts();
  /** Charts bound to the dataset, by chart folder (pipeline/chart-step.ts): tasks draw one chart each. */
  readonly boundCharts = new Map<string, Promise<BoundCharts>>();
  /** Chart specs compiled to Vega without their rows (charts/compile-once.ts), for the next sector's chart. */
  readonly compiledSpecs = new CompiledSpecs();
  /** Renderer sessions this thread opened, by format. */
  readonly #opened = new Map<string, { renderer: Renderer; ready: Promise<void> }>();

  #sessionSetup(setup: SessionsSetup, folder: string): SessionSetup {
    return {
      theme: setup.theme,
      fonts: this.fonts,
      ...(setup.stateDir ? { file: join(setup.stateDir, folder, `${setup.sessionKey}.json`) } : {}),
    };
  }

  /** Before this thread's first document of the renderer's format: open its session (once). */
  openRenderer(renderer: Renderer, setup: SessionsSetup): Promise<void> {
    const session = renderer.session;
    if (!session) return Promise.resolve();
    let entry = this.#opened.get(renderer.format);
    if (!entry) {
      entry = { renderer, ready: session.open(this.#sessionSetup(setup, session.folder)) };
      this.#opened.set(renderer.format, entry);
    }
    return entry.ready;
  }

  /** After a successful build: persist what this thread's renderer sessions hold. */
  async persistRenderers(setup: SessionsSetup): Promise<void> {
    for (const { renderer } of this.#opened.values()) {
      const session = renderer.session;
      if (session) await session.persist(this.#sessionSetup(setup, session.folder));
    }
  }
}
