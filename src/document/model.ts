/**
 * The document model: what templates produce and renderers consume, the one contract between
 * the document and its writers. Plain JSON-serialisable data, versioned; a figure's drawing is
 * referenced by key into the asset bag that travels with the model (AssetBag). Renderers never
 * see Handlebars, YAML, the dataset or the chart stage.
 */
import type { Qualifier } from '../dataset/schema.js';
import type { DataColumn } from '../derive/types.js';

export type { DataColumn } from '../derive/types.js';

/** 2: charts are figure nodes carrying their data, sources, notes and asset references. */
export const MODEL_VERSION = 2;

/** Where a node came from in a template: file, line and column of the rendered Markdown's origin. */
export interface TemplatePosition {
  template: string;
  line: number;
  column: number;
}

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'link'; url: string; children: Inline[] }
  /**
   * A numbered note pointing to `sources[number - 1]`; `quotes`: the indices, in that entry's
   * `quotes`, of the sentences it stands for (a deck slide's notes give them).
   */
  | { type: 'citation'; number: number; sourceId: string; quotes?: number[] }
  | { type: 'break' };

export type Align = 'left' | 'right' | 'center' | null;

export interface KpiItem {
  /** Formatted figure, e.g. "₩6.8 trillion", "over 20%". */
  value: string;
  label: string;
  note?: string;
  citations: number[];
  /** The quoted sentences behind the figure: per cited source, indices into its `quotes`. */
  quotes?: CitedQuotes[];
}

/** Quoted sentences of one cited source: its number and indices into its entry's `quotes`. */
export interface CitedQuotes {
  number: number;
  quotes: number[];
}

/**
 * What a page that must fit (the sector one-pager) may leave out: `<!-- priority: N -->` in
 * the template. 1 (the default) is always kept; a higher number is shortened or dropped first.
 */
export interface BlockFit {
  priority?: number;
}

/**
 * The line a list shortened to fit says under its last item (`<!-- more: … -->`): `one` when
 * one item moved, `many` otherwise; `{count}` is replaced by the number of items left out.
 */
export interface MoreLine {
  one: string;
  many: string;
  /** `<!-- more: N | … -->`: at most N items are shown on a page that must fit. */
  max?: number;
}

export type Block = BlockBody & BlockFit;

export type BlockBody =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; id: string; children: Inline[]; pos?: TemplatePosition }
  | { type: 'paragraph'; children: Inline[]; pos?: TemplatePosition }
  | {
      type: 'list';
      ordered: boolean;
      start?: number;
      items: Inline[][];
      /** Set by `<!-- more: … -->`: the list may be shortened by items, down to one. */
      more?: MoreLine;
      pos?: TemplatePosition;
    }
  | {
      type: 'table';
      header: Inline[][];
      rows: Inline[][][];
      align: Align[];
      caption?: string;
      pos?: TemplatePosition;
    }
  | FigureBlock
  | { type: 'kpi'; items: KpiItem[]; pos?: TemplatePosition }
  | { type: 'quote'; children: Block[]; pos?: TemplatePosition }
  | { type: 'pageBreak'; pos?: TemplatePosition };

/** The data behind a figure, as the PDF appendix prints it: one value per column in each row. */
export interface DataTable {
  columns: DataColumn[];
  rows: (string | number | null)[][];
}

/**
 * A key into the asset bag: a hash of everything the asset's bytes depend on (for a chart's
 * drawing, its job key: spec, data, theme, briefkit's version), so it is known before anything
 * is drawn and equal keys mean equal bytes. The bytes' own sha256 is in out/manifest.json.
 */
export type AssetRef = string;

/** One file of the asset bag (pandoc's MediaBag): its media type, its bytes, its size. */
export interface Asset {
  mime: 'image/svg+xml' | 'image/png';
  bytes: Uint8Array;
  /** The size it is drawn at, in CSS px (1 px = 0.75 pt); a PNG holds pngScale times the pixels. */
  width: number;
  height: number;
}

/** The assets a model's figures refer to, by key; it travels with the model to the writer. */
export type AssetBag = ReadonlyMap<AssetRef, Asset>;

/** A plotted value and what its label must say: the source's qualifier, a range's upper end. */
export interface PlotPoint {
  value: number | null;
  /** As the dataset states it ("over", "about"); absent: an exact figure. */
  qualifier?: Qualifier;
  /** The upper end of a range, on the same scale as `value`. */
  max?: number;
}

export interface PlotSeries {
  name: string;
  /** The theme's or the spec's colour, `#RRGGBB`. */
  colour: string;
  /** An aim, not a figure: drawn as an outline, as the Vega-Lite chart draws it. */
  target?: boolean;
  /** One per category, in category order. */
  points: PlotPoint[];
}

/**
 * A figure's data as categories × series, for writers that draw the chart with their own
 * chart tool (the deck's editable charts), from the spec's `usermeta.briefkit.native`.
 */
export interface FigurePlot {
  /** `dot`: markers only, on a log axis (figures spanning more than 100×; src/charts/scale-rule.ts). */
  mark: 'bar' | 'column' | 'line' | 'area' | 'pie' | 'dot';
  categories: string[];
  series: PlotSeries[];
  /** With the unit drawn filled in. */
  axisTitles: { category?: string; value?: string };
  scale: {
    /** Values are the data's times `factor` (`valueUnit` stepped down: billion → million). */
    factor: number;
    /** The unit drawn, "" for plain units. */
    unit: string;
    log: boolean;
    /** Where the value axis starts: on a log axis, the power of ten at or below the smallest value. */
    min?: number;
  };
  /** The value format the spec states, in Excel's format codes (`#,##0.0`). */
  numberFormat: string;
}

/** A chart placed with `![alt](chart:id)`: everything a writer needs to show it and its data. */
export interface FigureBlock {
  type: 'figure';
  /** The chart drawn: a spec's id, `<spec id>-<sector id>` for a per-sector spec. */
  chartId: string;
  /** Its figure number in the document. */
  number: number;
  caption: string;
  /** The template's alt text, else the chart's description (what it shows, with its key figures). */
  alt: string;
  table: DataTable;
  /** Ids of the sources the chart's data came from. */
  sources: string[];
  /** Notes on computed values, printed with the figure. */
  notes: string[];
  /** The drawing in the asset bag, as a vector (SVG) and as a picture (PNG). */
  image: { svg: AssetRef; png: AssetRef };
  plot?: FigurePlot;
  /**
   * Part `part` of `parts` (from 2) of a figure whose rows take more than a page: it draws the
   * next rows, under the same number; the first part's data table holds every row.
   */
  continues?: { part: number; parts: number };
  pos?: TemplatePosition;
}

/** What the chart stage gives a figure, besides where and how the template placed it. */
export type FigureContent = Pick<FigureBlock, 'table' | 'sources' | 'notes' | 'image' | 'plot'>;

export interface DocumentMeta {
  title: string;
  subtitle?: string;
  shortTitle: string;
  author: string;
  organisation?: string;
  /** The publisher's name (the dataset's publication.publisher): the cover's masthead. */
  publisher?: string;
  subject: string;
  keywords: string[];
  /** BCP 47 tag, e.g. "en". */
  language: string;
  /** ISO date the data describes, and its display form ("15 July 2025"). */
  asOf: string;
  asOfLabel: string;
}

/** An entry of the sources list; citations refer to it by `number`. */
export interface SourceEntry {
  number: number;
  id: string;
  title: string;
  author?: string;
  publisher?: string;
  date?: string;
  url?: string;
  /** The dataset's note on the source (how its text was obtained, what it lacks): printed with its entry. */
  note?: string;
  /**
   * The sentences of the source this document cites, as quoted: “quote” (locator; in English:
   * “translation”). The evidence (the companion file, or the briefing's own annex) prints them
   * under the entry.
   */
  quotes?: string[];
}

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  /** `<!-- priority: N -->` before its heading: the priority of the blocks that set none. */
  priority?: number;
  pos?: TemplatePosition;
}

export interface Briefing {
  kind: 'briefing';
  version: typeof MODEL_VERSION;
  meta: DocumentMeta;
  /** The cover's key-takeaways box. */
  takeaways: Inline[][];
  /** The box's heading, as the template words it (`<!-- takeaways: Key takeaways -->`); none if not given. */
  takeawaysTitle?: string;
  sections: Section[];
  sources: SourceEntry[];
}

export type SlideLayout =
  | 'title'
  | 'section'
  | 'bullets'
  | 'chart'
  | 'kpi'
  | 'two-column'
  | 'table'
  | 'sources';

export interface Slide {
  layout: SlideLayout;
  title: string;
  subtitle?: string;
  blocks: Block[];
  /** For 'two-column': the right column; `blocks` is the left. */
  right?: Block[];
  /** Speaker notes, plain text: the template's talking points. */
  notes: string;
  /** Quoted sentences the notes' own citations stand for (the slide's blocks carry theirs). */
  noteQuotes?: CitedQuotes[];
  pos?: TemplatePosition;
  /** Template lines of the title and subtitle headings (RENDER_OVERFLOW names them). */
  titlePos?: TemplatePosition;
  subtitlePos?: TemplatePosition;
}

export interface Deck {
  kind: 'deck';
  version: typeof MODEL_VERSION;
  meta: DocumentMeta;
  slides: Slide[];
  sources: SourceEntry[];
}

export type DocumentModel = Briefing | Deck;
