/**
 * The compiled Vega of chart specs, without their rows (compile-once.ts), kept for one build in
 * one thread: the build's session holds one (pipeline/sessions.ts), so nothing compiled in one
 * build is reused by the next in a long-running process (`--watch`). No vega here: the session
 * is made before any chart is drawn, and drawing imports vega lazily (charts/index.ts).
 */
import type { JsonObject } from './spec-file.js';

/** A compiled spec with its rows left out: `rowsOf[i]` names the dataset data entry i shows. */
export interface CompiledWithoutRows {
  vega: JsonObject;
  rowsOf: Map<number, string>;
}

/**
 * The specs kept (a thread draws one spec's charts after another, sector by sector): a few,
 * so a build over many specs holds no more than these, whatever its number of documents.
 */
const KEPT = 16;

export class CompiledSpecs {
  readonly #kept = new Map<string, CompiledWithoutRows>();

  /** The spec compiled under `key`, now the most recently used. */
  get(key: string): CompiledWithoutRows | undefined {
    const known = this.#kept.get(key);
    if (known) {
      // The most recently used last: the first is the one to forget.
      this.#kept.delete(key);
      this.#kept.set(key, known);
    }
    return known;
  }

  keep(key: string, compiled: CompiledWithoutRows): void {
    this.#kept.set(key, compiled);
    if (this.#kept.size > KEPT) this.#kept.delete(this.#kept.keys().next().value as string);
  }
}
