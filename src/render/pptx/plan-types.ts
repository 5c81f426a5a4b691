/** The presentation step's types: what a physical slide holds once planned, and the plan's context. */
import type { FigureBlock, KpiItem, Slide, SourceEntry } from '../../document/model.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import type { Theme } from '../../theme/schema.js';
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
  | (Base & { kind: 'chart'; chart: FigureBlock; side?: FittedText })
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
/** At most six cards a slide: more and the figures get too small to read from the back of a room. */
export const KPI_PER_SLIDE = 6;
export const KPI_ROW_H = 2.2;

/** Cards a row: up to three in one row, four as two by two, five or six as rows of three. */
export const kpiColumns = (count: number): number => (count <= 3 ? Math.max(1, count) : count === 4 ? 2 : 3);
export const kpiRows = (count: number): number => (count === 0 ? 0 : Math.ceil(count / kpiColumns(count)));
export const TABLE_INTRO_H = 0.9;

export interface PlanContext {
  theme: Theme;
  m: TextMeasurer;
  sources: readonly SourceEntry[];
}
