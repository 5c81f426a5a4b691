/** The presentation step's types: what a physical slide holds once planned, and the plan's context. */
import type { AssetBag, FigureBlock, KpiItem, Slide, SourceEntry } from '../../document/model.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import type { Theme } from '../../theme/schema.js';
import { MAX_CARDS } from './card-grid.js';
import type { Para } from './styled-runs.js';
import type { TableLayout } from './table-fit.js';

export interface FittedText {
  size: number;
  paras: Para[];
}

export interface Base {
  /** The model slide this physical slide comes from. */
  slide: Slide;
  title: string;
  titleSize: number;
  continued: boolean;
  citations: number[];
}

export type Planned =
  | (Base & { kind: 'title' | 'section' })
  | (Base & { kind: 'text'; text: FittedText })
  | (Base & { kind: 'chart'; chart: FigureBlock; side?: FittedText; figureTable?: FigureTablePage })
  | (Base & { kind: 'kpi'; items: KpiItem[]; below?: FittedText })
  | (Base & { kind: 'columns'; left: FittedText; right: FittedText; chart?: FigureBlock })
  | (Base & {
      kind: 'table';
      table: TableLayout;
      page: number;
      intro?: FittedText;
      introH: number;
      /** Text the template wrote after the table: a takeaway panel under the table's last page. */
      after?: FittedText;
    });

/** Width share of the chart when text sits beside it. */
export const CHART_SHARE = 0.64;
/** At most six cards a slide (card-grid.ts, which measures how many fit). */
export const KPI_PER_SLIDE = MAX_CARDS;
/** Space between the cards and the text under them. */
export const KPI_BELOW_GAP = 0.4;
export const TABLE_INTRO_H = 0.9;

export interface PlanContext {
  theme: Theme;
  m: TextMeasurer;
  sources: readonly SourceEntry[];
  /** The figures' drawings: a chart picture too small to read is planned as its table (figure-table.ts). */
  assets?: AssetBag;
}

/** A page of a figure placed as its data table: the slide shows `page` of `layout`. */
export interface FigureTablePage {
  layout: TableLayout;
  page: number;
}
