/**
 * Font subsetting with HarfBuzz's subsetter (harfbuzzjs ships it as `harfbuzz-subset.wasm`, a
 * module with no imports that exports the hb-subset C API). fontkit's own subsetter writes only
 * what a PDF needs (glyf, loca, hmtx…, no cmap, name, OS/2 or GSUB), so a deck's embedded face,
 * which the viewer maps characters through and shapes itself, is subset here: HarfBuzz keeps the
 * cmap, the name and OS/2 tables and the layout tables closed over the kept characters (Arabic
 * joining forms, Devanagari conjuncts). Deterministic: the same bytes and characters give the
 * same subset.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The part of the WebAssembly global used here (the project's TypeScript libs do not declare it). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

interface SubsetExports {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize?(): void;
}

const HB_MEMORY_MODE_READONLY = 1;
/** hb_subset_sets_t: HB_SUBSET_SETS_NAME_ID. */
const NAME_ID_SET = 4;
/** Name IDs kept besides HarfBuzz's default 0–6: the licence description and its URL (13, 14). */
const LICENCE_NAME_IDS = [13, 14];

/**
 * The compiled WebAssembly module, compiled once per thread: module scope is safe, a compiled
 * module is code only; each FontSubsetter instantiates its own memory, so no font or build state
 * is shared.
 */
let compiled: object | undefined;

/** The compiled module (code only, no font state), compiled on first use. */
function subsetModule(): object {
  if (!compiled) {
    const path = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    compiled = new wasm.Module(readFileSync(path));
  }
  return compiled;
}

/** A subsetter instance: one per deck, dropped with it (its memory holds the fonts it was given). */
export class FontSubsetter {
  readonly #hb: SubsetExports;

  constructor() {
    const instance = new wasm.Instance(subsetModule(), {});
    this.#hb = instance.exports as unknown as SubsetExports;
    this.#hb._initialize?.();
  }

  /**
   * The font (TrueType or OpenType bytes) cut down to the glyphs of `codePoints` and what
   * shaping them needs; undefined when HarfBuzz refuses the font.
   */
  subset(font: Uint8Array, codePoints: Iterable<number>): Uint8Array | undefined {
    const hb = this.#hb;
    const data = hb.malloc(font.byteLength);
    new Uint8Array(hb.memory.buffer).set(font, data);
    const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    const input = hb.hb_subset_input_create_or_fail();
    try {
      if (input === 0) return undefined;
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const code of codePoints) hb.hb_set_add(unicodes, code);
      const names = hb.hb_subset_input_set(input, NAME_ID_SET);
      for (const id of LICENCE_NAME_IDS) hb.hb_set_add(names, id);
      const subset = hb.hb_subset_or_fail(face, input);
      if (subset === 0) return undefined;
      const result = hb.hb_face_reference_blob(subset);
      const offset = hb.hb_blob_get_data(result, 0);
      const length = hb.hb_blob_get_length(result);
      // A copy: the view into wasm memory is invalid once the blob is freed or memory grows.
      const bytes = new Uint8Array(hb.memory.buffer, offset, length).slice();
      hb.hb_blob_destroy(result);
      hb.hb_face_destroy(subset);
      return length > 0 ? bytes : undefined;
    } finally {
      if (input !== 0) hb.hb_subset_input_destroy(input);
      hb.hb_face_destroy(face);
      hb.free(data);
    }
  }
}
