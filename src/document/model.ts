/**
 * The document model (principle 1): what templates produce and renderers consume.
 * Plain JSON-serialisable data, versioned. Renderers never see Handlebars or YAML.
 */

export const MODEL_VERSION = 1;

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
  /** A numbered note pointing to `sources[number - 1]`. */
  | { type: 'citation'; number: number; sourceId: string }
  | { type: 'break' };

export type Align = 'left' | 'right' | 'center' | null;

export interface KpiItem {
  /** Formatted figure, e.g. "₩6.8 trillion", "over 20%". */
  value: string;
  label: string;
  note?: string;
  citations: number[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; id: string; children: Inline[]; pos?: TemplatePosition }
  | { type: 'paragraph'; children: Inline[]; pos?: TemplatePosition }
  | { type: 'list'; ordered: boolean; start?: number; items: Inline[][]; pos?: TemplatePosition }
  | {
      type: 'table';
      header: Inline[][];
      rows: Inline[][][];
      align: Align[];
      caption?: string;
      pos?: TemplatePosition;
    }
  /** A chart placed with `![alt](chart:id)`; `number` is its figure number in the document. */
  | { type: 'chart'; chartId: string; alt: string; caption: string; number: number; pos?: TemplatePosition }
  | { type: 'kpi'; items: KpiItem[]; pos?: TemplatePosition }
  | { type: 'quote'; children: Block[]; pos?: TemplatePosition }
  | { type: 'pageBreak'; pos?: TemplatePosition };

export interface DocumentMeta {
  title: string;
  subtitle?: string;
  shortTitle: string;
  author: string;
  organisation?: string;
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
}

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  pos?: TemplatePosition;
}

export interface Briefing {
  kind: 'briefing';
  version: typeof MODEL_VERSION;
  meta: DocumentMeta;
  /** The cover's key-takeaways box. */
  takeaways: Inline[][];
  sections: Section[];
  sources: SourceEntry[];
  /** Charts placed in the document, in figure order. */
  charts: { id: string; number: number; caption: string }[];
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
  /** Speaker notes, plain text, including the sources behind the slide's figures. */
  notes: string;
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
