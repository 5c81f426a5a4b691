/**
 * The dataset's own lists as tables a chart spec may bind to (`"data": {"name": "investments"}`),
 * beside the derived tables: one row per record, its fields flattened into plain cells by the
 * record schema (src/dataset/schema.ts), so the columns follow the schema and cannot drift from
 * it. A figure keeps its stated wording beside its number:
 *
 * - money `f` (`amount`, `budget`): `fValue` (the full amount, in units of its currency: €6.8
 *   billion is 6,800,000,000), `fText` ("over €30 billion"), `fCurrency`, `fQualifier`;
 *   a list of money (`budgetStated`): `fText`, joined by "; ";
 * - a quantity `f` (`value`): `fAmount`, `fUnit`, `fQualifier`, `fText` ("over 20%");
 * - a period `f`: `fFrom`, `fTo`;
 * - a list of names or ids (`sectors`, `goals`): the items joined by ", ";
 * - a list of records (`alternatives`): `fText`, each by its amount or name, joined by "; ";
 * - a record `f` (`counterparty`): one cell per plain field, `fName`, `fKind`;
 * - yes/no (`fiscal`): "yes" or "no";
 * - citations (`cite`) are not cells: they are the table's sources.
 *
 * A field the record leaves out is null. table-docs.ts documents the columns from the same rules.
 */
import { z } from 'zod';
import { Citation, type Dataset, Money, Period, PolicyDataset, Quantity } from '../dataset/schema.js';
import { formatMoney, formatQuantity, moneyValue } from '../dataset/wording.js';
import { sourcesOf } from './format.js';
import type { DataColumn, DerivedTable, Row } from './types.js';

/** The dataset lists a chart may bind to, in the schema's order. */
export const LIST_NAMES = Object.keys(PolicyDataset.shape).filter((name) =>
  isArraySchema(PolicyDataset.shape[name as keyof typeof PolicyDataset.shape]),
);

type FieldKind =
  | 'scalar'
  | 'yesNo'
  | 'money'
  | 'moneyList'
  | 'quantity'
  | 'period'
  | 'list'
  | 'recordList'
  | 'record'
  | 'cite';

function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault) node = node.unwrap() as z.ZodType;
  return node;
}

function isArraySchema(schema: z.ZodType): boolean {
  return unwrap(schema) instanceof z.ZodArray;
}

function kindOf(schema: z.ZodType): FieldKind {
  const node = unwrap(schema);
  if (node === Money) return 'money';
  if (node === Quantity) return 'quantity';
  if (node === Period) return 'period';
  if (node instanceof z.ZodBoolean) return 'yesNo';
  if (node instanceof z.ZodArray) {
    const element = unwrap(node.element as z.ZodType);
    if (element === Citation) return 'cite';
    if (element === Money) return 'moneyList';
    return element instanceof z.ZodObject ? 'recordList' : 'list';
  }
  return node instanceof z.ZodObject ? 'record' : 'scalar';
}

/** A column of a list table: its name, type, the record field it comes from and what it holds. */
export interface ListColumn extends DataColumn {
  field: string;
  description: string;
  /** Printed in the figure's data table (the stated wording, not its parts). */
  shown: boolean;
}

/** The record schema of a list (its array's element). */
export function recordSchema(list: string): z.ZodObject | undefined {
  const schema = PolicyDataset.shape[list as keyof typeof PolicyDataset.shape];
  const node = schema ? unwrap(schema as z.ZodType) : undefined;
  if (!(node instanceof z.ZodArray)) return undefined;
  const element = unwrap(node.element as z.ZodType);
  return element instanceof z.ZodObject ? element : undefined;
}

function describeField(schema: z.ZodType): string {
  return schema.description ?? unwrap(schema).description ?? '';
}

/**
 * What a field inside a record field holds, after the record's own description: the field by
 * name, then its description (`covers`: What the budget is for…), or only its name when the
 * schema describes it not.
 */
export function nestedFieldDescription(key: string, description: string): string {
  return description ? `\`${key}\`: ${description}` : `The field \`${key}\`.`;
}

/** The columns a list's records become, from its record schema. */
export function listColumns(list: string): ListColumn[] {
  const schema = recordSchema(list);
  if (!schema) return [];
  return Object.entries(schema.shape).flatMap(([field, fieldSchema]): ListColumn[] => {
    const about = describeField(fieldSchema as z.ZodType);
    const col = (
      name: string,
      type: DataColumn['type'],
      description: string,
      shown: boolean,
    ): ListColumn => ({
      name,
      label: name,
      type,
      field,
      description,
      shown,
    });
    switch (kindOf(fieldSchema as z.ZodType)) {
      case 'cite':
        return [];
      case 'money':
        return [
          col(
            `${field}Value`,
            'number',
            'The full amount in units of its currency (computed; a range: its lower end).',
            false,
          ),
          col(`${field}Text`, 'string', `${about || 'The amount'} As the text states it.`.trim(), true),
          col(`${field}Currency`, 'string', 'ISO 4217 code of the amount.', false),
          col(
            `${field}Qualifier`,
            'string',
            'How the source hedges it: exact, about, over, at-least, up-to, under.',
            false,
          ),
        ];
      case 'moneyList':
        return [
          col(`${field}Text`, 'string', `${about} As the text states them, joined by "; ".`.trim(), true),
        ];
      case 'quantity':
        return [
          col(`${field}Amount`, 'number', 'The figure.', false),
          col(`${field}Unit`, 'string', 'Its unit as written.', false),
          col(`${field}Qualifier`, 'string', 'How the source hedges it.', false),
          col(`${field}Text`, 'string', `${about || 'The figure'} As the text states it.`.trim(), true),
        ];
      case 'period':
        return [
          col(`${field}From`, 'number', 'The first year covered.', true),
          col(`${field}To`, 'number', 'The last year covered.', true),
        ];
      case 'list':
        return [col(field, 'string', `${about} Joined by ", ".`.trim(), true)];
      case 'recordList':
        // Records in a record (another source's figure, say): each by its amount as the text
        // states it, or its name.
        return [
          col(`${field}Text`, 'string', `${about} Each by its amount or name, joined by "; ".`.trim(), true),
        ];
      case 'record': {
        // An object (a counterparty): one cell per plain field of it, described as the record
        // and then the field by its own description ("Its covers." read a field name as a noun).
        const inner = unwrap(fieldSchema as z.ZodType) as z.ZodObject<z.ZodRawShape>;
        return Object.entries(inner.shape).flatMap(([key, child]) => {
          const leaf = unwrap(child as z.ZodType);
          if (!(leaf instanceof z.ZodString || leaf instanceof z.ZodNumber || leaf instanceof z.ZodEnum))
            return [];
          const name = `${field}${key.charAt(0).toUpperCase()}${key.slice(1)}`;
          const part = nestedFieldDescription(key, describeField(child as z.ZodType));
          return [
            col(name, leaf instanceof z.ZodNumber ? 'number' : 'string', `${about} ${part}`.trim(), true),
          ];
        });
      }
      case 'yesNo':
        return [col(field, 'string', `${about} "yes" or "no".`.trim(), true)];
      default: {
        const inner = unwrap(fieldSchema as z.ZodType);
        const numeric = inner instanceof z.ZodNumber;
        return [col(field, numeric ? 'number' : 'string', about, true)];
      }
    }
  });
}

/** A record inside a list cell: its amount as the text states it, else its name. */
function itemText(item: unknown): string {
  const record = item as Record<string, unknown>;
  if (isMoney(record.amount)) return formatMoney(record.amount);
  return typeof record.name === 'string' ? record.name : '';
}

const cellOf = (value: unknown): string | number | null =>
  typeof value === 'number' || typeof value === 'string' ? value : null;

function isMoney(value: unknown): value is z.output<typeof Money> {
  return typeof value === 'object' && value !== null && 'currency' in value && 'scale' in value;
}

/** One record as a row of cells, by the columns' rules. */
function recordRow(record: Record<string, unknown>, columns: readonly ListColumn[]): Row {
  const row: Row = {};
  for (const column of columns) {
    const value = record[column.field];
    const part = column.name.slice(column.field.length);
    if (value === undefined || value === null) row[column.name] = null;
    else if (isMoney(value)) {
      row[column.name] =
        part === 'Value'
          ? moneyValue(value)
          : part === 'Text'
            ? formatMoney(value)
            : part === 'Currency'
              ? value.currency
              : value.qualifier;
    } else if (Array.isArray(value))
      row[column.name] =
        value.every(isMoney) && part === 'Text'
          ? value.map((m) => formatMoney(m)).join('; ')
          : value.every((item) => typeof item === 'object' && item !== null)
            ? value
                .map(itemText)
                .filter((t) => t !== '')
                .join('; ')
            : value.map(String).join(', ');
    else if (typeof value === 'boolean') row[column.name] = value ? 'yes' : 'no';
    else if (typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (part === 'Text' && 'unit' in object)
        row[column.name] = formatQuantity(value as z.output<typeof Quantity>);
      else row[column.name] = cellOf(object[part.charAt(0).toLowerCase() + part.slice(1)]);
    } else row[column.name] = cellOf(value);
  }
  return row;
}

/** A dataset list as a table: its records' rows, its shown columns, the sources they cite. */
export function listTable(dataset: Dataset, list: string): DerivedTable {
  const records = (dataset[list as keyof Dataset] ?? []) as unknown as Record<string, unknown>[];
  const columns = listColumns(list);
  const cited = records.filter((r): r is Record<string, unknown> & { cite: z.output<typeof Citation>[] } =>
    Array.isArray(r.cite),
  );
  return {
    name: list,
    columns: columns.filter((c) => c.shown).map(({ name, label, type }) => ({ name, label, type })),
    rows: records.map((record) => recordRow(record, columns)),
    sources: list === 'sources' ? records.map((r) => String(r.id)) : sourcesOf(cited),
    notes: [],
    summary: `The dataset's ${list}: ${records.length} ${records.length === 1 ? 'record' : 'records'}.`,
  };
}

/** Every list of the dataset as a table, by list name. */
export function listTables(dataset: Dataset): Record<string, DerivedTable> {
  return Object.fromEntries(LIST_NAMES.map((list) => [list, listTable(dataset, list)]));
}
