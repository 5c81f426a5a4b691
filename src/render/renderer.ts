/**
 * What a format is to the build: one `Renderer` per format, registered in render/registry.ts.
 * A renderer owns everything the build must not know about its format: the `params` its
 * config entries accept (a zod schema), its defaults section in the config, how its options
 * are resolved, what a document costs to render, and its per-thread session state.
 */
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import type { AssetBag, DocumentModel } from '../document/model.js';
import type { BuildFonts } from '../theme/build-fonts.js';
import type { Theme } from '../theme/schema.js';

/** A renderer's resolved options: plain JSON (hashed into cache keys, posted to worker threads). */
export type RenderOptions = Readonly<Record<string, string | number | boolean>>;

/** Everything a renderer gets besides the model: it reads nothing else (no files, no chart stage). */
export interface RenderContext<Options extends RenderOptions = RenderOptions> {
  /** The files the model's figures name (`image.svg`, `image.png`), by key. */
  assets: AssetBag;
  theme: Theme;
  /** The build's fonts (files read and parsed once per build): the theme's stack comes from here. */
  fonts: BuildFonts;
  /** Embedded dates: from SOURCE_DATE_EPOCH or the dataset's as-of date, never the clock. */
  date: Date;
  options: Options;
}

/** A document as the hand-out page lists it: its kind ("Evidence and data") and its title's start. */
export interface IndexEntry {
  kind: string;
  titlePrefix: string;
}

export interface RenderResult {
  bytes: Uint8Array;
  pages?: number;
  slides?: number;
  diagnostics: Diagnostic[];
}

/** What a session is opened with: the build's theme and the file its state is kept in. */
export interface SessionSetup {
  theme: Theme;
  /** The build's fonts in this thread: a session keyed to parsed fonts (the shaping store) uses these. */
  fonts: BuildFonts;
  /** Absent: nothing is kept between builds. */
  file?: string;
}

/**
 * State a renderer keeps across the documents of a build and between builds (e.g. the PDF
 * shaping store). Opened once per thread before its first document; persisted by the main
 * thread after a successful build, only when that thread rendered with it.
 */
export interface RendererSession {
  /** Folder under the build's state folder; the file in it is named by the font files' hash. */
  folder: string;
  open(setup: SessionSetup): Promise<void>;
  persist(setup: SessionSetup): Promise<void>;
}

/** The document model a renderer draws: the briefing (also per sector) or the deck. */
export type ModelKind = DocumentModel['kind'];

export interface RendererSpec<Params, Defaults, Options extends RenderOptions> {
  format: string;
  extension: string;
  model: ModelKind;
  /** Whether `for: sectors` may build one document per sector with this renderer. */
  fanOut: boolean;
  /** A config document entry's `params`. */
  params: z.ZodType<Params>;
  /** The config's top-level section named after the format, if the format has one. */
  defaults?: z.ZodType<Defaults>;
  /** The options a worker receives: checked again there, the job crossed a thread. */
  options: z.ZodType<Options>;
  resolve(params: Params, defaults: Defaults | undefined, fannedOut: boolean): Options;
  /** Rough single-thread time for one document once libraries are warm (ms), measured. */
  estimateMs(options: Options): number;
  session?: RendererSession;
  /** What out/index.html calls a document of these options, when not its model's kind and title. */
  indexEntry?(options: Options): IndexEntry | undefined;
  render(model: DocumentModel, context: RenderContext<Options>): Promise<RenderResult>;
}

/** A registered renderer, its option types erased behind its own schemas. */
export interface Renderer {
  format: string;
  extension: string;
  model: ModelKind;
  fanOut: boolean;
  paramsSchema: z.ZodType;
  defaultsSchema?: z.ZodType;
  resolveOptions(params: unknown, defaults: unknown, fannedOut: boolean): RenderOptions;
  estimateMs(options: RenderOptions): number;
  session?: RendererSession;
  indexEntry?(options: RenderOptions): IndexEntry | undefined;
  render(model: DocumentModel, context: RenderContext): Promise<RenderResult>;
}

/** Wraps a typed spec so the build can hold every renderer in one table. */
export function defineRenderer<Params, Defaults, Options extends RenderOptions>(
  spec: RendererSpec<Params, Defaults, Options>,
): Renderer {
  const defaultsOf = (value: unknown) =>
    spec.defaults === undefined ? undefined : spec.defaults.parse(value ?? {});
  return {
    format: spec.format,
    extension: spec.extension,
    model: spec.model,
    fanOut: spec.fanOut,
    paramsSchema: spec.params,
    ...(spec.defaults ? { defaultsSchema: spec.defaults } : {}),
    resolveOptions: (params, defaults, fannedOut) =>
      spec.resolve(spec.params.parse(params ?? {}), defaultsOf(defaults), fannedOut),
    estimateMs: (options) => spec.estimateMs(spec.options.parse(options)),
    ...(spec.session ? { session: spec.session } : {}),
    ...(spec.indexEntry
      ? { indexEntry: (options: RenderOptions) => spec.indexEntry?.(spec.options.parse(options)) }
      : {}),
    render: (model, context) =>
      spec.render(model, { ...context, options: spec.options.parse(context.options) }),
  };
}
