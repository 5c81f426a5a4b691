/**
 * The row of each derived table, as a schema: every field a chart spec may name, its type and
 * what it holds. docs/chart-tables.md is generated from these (table-docs.ts, `npm run
 * docs:tables`), and test/derive/table-schemas.test.ts parses every row the derive functions
 * make for several datasets with them, strictly: a field added, dropped or retyped in a derive
 * function fails the test until its schema (and so the docs) say so.
 */
import { z } from 'zod';

const text = z.string();
const number = z.number();
const year = z.number().int();
const yesNo = z.enum(['yes', 'no']);

/** Fields of a stated amount of money, as the tables that draw money carry them. */
const moneyFields = {
  amount: number.describe('The number the source writes (for a range, its lower end).'),
  amountMax: number.nullable().describe('The upper end of a range, in the same scale; null for one figure.'),
  currency: text.describe('ISO 4217 code of the amount.'),
  scale: text.describe(
    'The scale the source writes: one, thousand, million, billion, trillion, lakh, crore…',
  ),
  qualifier: text.describe('How the source hedges it: exact, about, over, at-least, up-to, under.'),
  valueBn: number.describe('The amount in billions of its currency (computed): one scale for every figure.'),
  valueMaxBn: number.nullable().describe("A range's upper end in billions (computed); null for one figure."),
  amountText: text.describe('The amount as the text states it: "over €30 billion".'),
};

const partOf = text
  .nullable()
  .describe(
    'The id of the figure this one is part of (`partOf`): drawn beside it, never added to it; null for none.',
  );

const investmentTrend = z
  .strictObject({
    id: text.describe('The investment record’s id.'),
    column: text.describe('The category the chart draws it in: its year, told apart when several share one.'),
    order: number.describe("The figure's place in time order, from 0: a chart sorts its columns by it."),
    label: text.describe('The investment’s label.'),
    year: year.nullable().describe('The year the figure is for; null when none can be given.'),
    years: text.describe('Its year or period as text: "2025", "2024–2030".'),
    status: text
      .nullable()
      .describe(
        'planned, allocated, actual, target, decided, pledged or proposed; null when the source gives none.',
      ),
    kind: z.enum(['Target', 'Stated figure']).describe('A target (an aim) or a stated figure.'),
    scope: text.nullable().describe('What the figure covers, when the source says.'),
    ...moneyFields,
    floor: yesNo.describe('"yes" when the source gives a floor ("over", "at least").'),
    valueLabel: text.describe('The amount with its status, when it has one: "€6.8 billion (planned)".'),
    partOf: partOf,
  })
  .describe('Every investment figure of the dataset in its home currency, one row per figure, by year.');

const programBudgets = z
  .strictObject({
    id: text.describe('The programme’s or investment’s id.'),
    name: text.describe('Its name as written.'),
    chartName: text.describe('Its name told apart from same-named rows ("… (2024)"), for chart labels.'),
    kind: text.describe('The programme kind, or "investment".'),
    year: year.nullable().describe('The budget’s year, when known.'),
    status: text.nullable().describe('The budget’s status, when the source gives one.'),
    ...moneyFields,
    statedText: text.describe(
      'Equivalents the source states ("about US$800,000"), joined by "; "; "" for none.',
    ),
    label: text.describe('The amount with any stated equivalents.'),
    partOf: partOf,
  })
  .describe('Every budget in the home currency (programmes and non-target investments), largest first.');

const sectorSummary = z
  .strictObject({
    sectorId: text.describe('The sector’s id.'),
    sector: text.describe('The sector’s name.'),
    programmes: number.describe('Programmes of the sector (computed count).'),
    targets: number.describe('Targets of the sector (computed count).'),
    indicators: number.describe('Indicators of the sector (computed count).'),
  })
  .describe('One row per sector with its counts of programmes, targets and indicators.');

const timelineFields = {
  id: text.describe('The programme’s, target’s or indicator’s id.'),
  label: text.describe('Its name, description or label.'),
  kind: z
    .enum(['Launched', 'Target', 'Measured'])
    .describe('What the chart draws: a programme (its mark), a target, or an indicator measured.'),
  event: text.describe(
    'What happened in the year, as the record says: "Launched", or its budget\'s stage or hedge ("Pledged", "Proposed", "Decided", "Planned", "Expected"); "Target"; "Measured".',
  ),
  sector: text.describe('The names of its sectors.'),
  start: year.nullable().describe('A target’s baseline year; null otherwise.'),
  year: year.describe('The year of the event.'),
  detail: text.describe('The programme kind, the target’s value or the indicator’s figure, as stated.'),
  order: number.describe('Its place in the timeline, from 0.'),
};

const targetsTimeline = z
  .strictObject({
    ...timelineFields,
    primarySector: text.describe('The first sector it lists (what the chart colours it by), or "No sector".'),
  })
  .describe('Dated programmes, targets and indicators of every sector, in year order.');

const sectorProfile = z
  .strictObject(timelineFields)
  .describe(
    'Per sector (`sectorProfile.<sector id>`, for specs with `perSector: true`): the sector’s dated programmes, targets and indicators.',
  );

const influenceMatrix = z
  .strictObject({
    channelId: text.describe('The channel’s id.'),
    channel: text.describe('The channel’s name.'),
    sectorId: text.describe('The sector’s id.'),
    sector: text.describe('The sector’s name.'),
    linked: z
      .enum(['Linked (our reading)', 'Not linked'])
      .describe('Whether the dataset links the channel to the sector: the analyst’s reading of the source.'),
  })
  .describe('One row per channel of influence and sector.');

const indicatorHighlights = z
  .strictObject({
    id: text.describe('The indicator’s id.'),
    label: text.describe('Its label.'),
    subject: text.describe('Who it is about; "" when not said.'),
    sector: text.describe('The names of its sectors, or the whole economy.'),
    year: year.nullable().describe('The year measured; null when the source gives none.'),
    amount: number.describe('The figure.'),
    unit: text.describe('Its unit as written.'),
    qualifier: text.describe('How the source hedges it.'),
    qualifierText: text.describe('The qualifier’s word ("over"); "" for an exact figure.'),
    valueText: text.describe('The figure as the text states it, without the qualifier: "1,012", "20%".'),
    unitText: text.describe('The unit as the text states it ("" for a percentage).'),
    caption: text.describe('What was measured, unless the unit says it already.'),
    context: text.describe('Sector and year: "Robotics, 2023".'),
  })
  .describe('Every indicator with its figure split as the cards draw it.');

/** Each derived table's row schema, by table name (the per-sector tables under `sectorProfile`). */
export const DERIVED_ROW_SCHEMAS = {
  investmentTrend,
  programBudgets,
  sectorSummary,
  targetsTimeline,
  influenceMatrix,
  indicatorHighlights,
  sectorProfile,
} as const;

export type DerivedTableName = keyof typeof DERIVED_ROW_SCHEMAS;

/** The schema of a table's rows by its name (`sectorProfile.ai` → the sectorProfile schema). */
export function rowSchemaOf(table: string): z.ZodObject | undefined {
  const base = table.split('.')[0] ?? table;
  return Object.hasOwn(DERIVED_ROW_SCHEMAS, base) ? DERIVED_ROW_SCHEMAS[base as DerivedTableName] : undefined;
}
