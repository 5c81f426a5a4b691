/**
 * A planned document's model until its render task has it. Planning builds every model (their
 * hashes are the cache keys) before any is rendered, so a build holds all of them at once: a
 * one-pager's model grows with the sectors it lists, and 1,000 of them held ~175 MB of heap
 * (measured, the bench's variants). A large build keeps each one packed instead: V8's
 * structured-clone bytes (what a worker receives anyway, so a task renders the same model in
 * either thread), deflated, ~7 KB where the objects took ~175 KB. Its own module: the CLI's
 * no-op fast path imports jobs.ts and needs neither v8 nor zlib.
 */
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DocumentMeta, DocumentModel } from '../document/model.js';

/**
 * From this many planned models a build packs them: below it the objects are small next to
 * the build's fixed memory, and packing (about 1 ms a model each way) would only cost time.
 */
export const PACK_MODELS_FROM = 40;

/**
 * The model, or its packed bytes, until released. What the build still reads afterwards (the
 * index page, the manifest's titles) is kept beside it: the model's kind and meta.
 */
export class ModelSlot {
  readonly kind: DocumentModel['kind'];
  readonly meta: DocumentMeta;
  #model: DocumentModel | undefined;
  #packed: Buffer | undefined;

  constructor(model: DocumentModel, pack = false) {
    this.kind = model.kind;
    this.meta = model.meta;
    // Level 1: a one-pager's lists are repetitive, and the fastest level already shrinks them 12×.
    if (pack) this.#packed = deflateRawSync(serialize(model), { level: 1 });
    else this.#model = model;
  }

  get packed(): boolean {
    return this.#packed !== undefined;
  }

  /**
   * The model; a packed one is unpacked afresh at each read (the caller holds it only while it
   * works on it). A programming error once released (nothing reads it after its render task).
   */
  get model(): DocumentModel {
    if (this.#model) return this.#model;
    if (this.#packed) return deserialize(inflateRawSync(this.#packed)) as DocumentModel;
    throw new Error(`document model read after its render task took it`);
  }

  release(): void {
    this.#model = undefined;
    this.#packed = undefined;
  }
}
