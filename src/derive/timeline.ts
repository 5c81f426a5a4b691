/**
 * targetsTimeline and sectorProfile: dated events (a programme launched, a target to
 * reach, an indicator measured) on a year axis. A target with a baseline spans from
 * its baseline year to its target year.
 */
import type { z } from 'zod';
import type { Citation, Dataset, Program, ProgramKind, Sector } from '../dataset/schema.js';
import { formatQuantity } from '../dataset/wording.js';
import { compareText } from './compare-text.js';
import { listing, sourcesOf } from './format.js';
import { indicatorSectors, sectorName } from './sectors.js';
import type { DerivedTable, Row } from './types.js';

/**
 * A programme's kind as a word in a label ("Strategy", "Fund"), never the schema's tag: the
 * one-pager's timeline printed "strategy" beside each launch. Keyed by the schema's kinds, so a
 * new kind does not compile without its word.
 */
export const PROGRAM_KIND_WORDS: Record<z.infer<typeof ProgramKind>, string> = {
  strategy: 'Strategy',
  programme: 'Programme',
  fund: 'Fund',
  initiative: 'Initiative',
  body: 'Public body',
  vision: 'Vision',
  policy: 'Policy',
  law: 'Law',
  regulation: 'Regulation',
  plan: 'Plan',
};

/**
 * What happened to a programme in its year, from what the record says: the stage of its budget
 * ("Pledged" for a fund pledged and formalised, "Proposed", "Decided") or the source's hedge
 * ("Planned", "Expected"); "Launched" only for a programme that states neither. The AI fund of a
 * dataset, pledged in its year, was labelled "Launched" in every timeline table.
 */
export function programEvent(program: Pick<Program, 'budgetStatus' | 'modality'>): string {
  const hedges: Record<string, string> = {
    expected: 'Expected',
    anticipated: 'Anticipated',
    planned: 'Planned',
    proposed: 'Proposed',
  };
  if (program.modality) return hedges[program.modality] ?? 'Launched';
  const stages: Record<string, string> = {
    pledged: 'Pledged',
    proposed: 'Proposed',
    decided: 'Decided',
    planned: 'Planned',
    target: 'Planned',
  };
  return (program.budgetStatus && stages[program.budgetStatus]) || 'Launched';
}

interface Event {
  row: Row;
  cite: Citation[];
  /** The sectors the programme, target or indicator covers. */
  sectors: readonly string[];
}

/** Sector names by id, built once per dataset: a lookup per event instead of a scan per id. */
function sectorNames(dataset: Dataset): (ids: readonly string[]) => string {
  const byId = new Map(dataset.sectors.map((s): [string, Sector] => [s.id, s]));
  return (ids) => {
    const names = ids.flatMap((id) => {
      const sector = byId.get(id);
      return sector ? [sectorName(sector)] : [];
    });
    return names.length > 0 ? names.join(', ') : NO_SECTOR;
  };
}

/** What a record with no sector is filed under in the timeline's Sector columns. */
export const NO_SECTOR = 'No sector';

/**
 * The one sector a record is coloured by: the first the record lists (the order its author
 * gave), so colour means one sector, not a combination (the Japan timeline's legend had
 * "2 nm logic, Foundry, Memory, Power chips" as a colour of its own), for any dataset.
 */
function primaryOf(dataset: Dataset): (ids: readonly string[]) => string {
  const namesOf = sectorNames(dataset);
  const known = new Set(dataset.sectors.map((s) => s.id));
  return (ids) => namesOf(ids.filter((id) => known.has(id)).slice(0, 1));
}

function events(dataset: Dataset, withIndicators: boolean): Event[] {
  const namesOf = sectorNames(dataset);
  const primary = primaryOf(dataset);
  const launched = dataset.programs.flatMap((p): Event[] =>
    p.year === undefined
      ? []
      : [
          {
            sectors: p.sectors,
            row: {
              id: p.id,
              label: p.name,
              kind: 'Launched',
              event: programEvent(p),
              sector: namesOf(p.sectors),
              primarySector: primary(p.sectors),
              start: null,
              year: p.year,
              detail: PROGRAM_KIND_WORDS[p.kind],
            },
            cite: p.cite,
          },
        ],
  );
  const targets = dataset.targets.map(
    (t): Event => ({
      sectors: t.sectors,
      row: {
        id: t.id,
        label: t.description,
        kind: 'Target',
        event: 'Target',
        sector: namesOf(t.sectors),
        primarySector: primary(t.sectors),
        start: t.baselineYear ?? null,
        year: t.year,
        detail: t.value ? formatQuantity(t.value) : '',
      },
      cite: t.cite,
    }),
  );
  // An indicator without a year has no place on a year axis: it is left off the timeline.
  const indicators = withIndicators
    ? dataset.indicators.flatMap((i): Event[] =>
        i.year === undefined
          ? []
          : [
              {
                sectors: indicatorSectors(i),
                row: {
                  id: i.id,
                  label: i.label,
                  kind: 'Measured',
                  event: 'Measured',
                  sector: namesOf(indicatorSectors(i)),
                  primarySector: primary(indicatorSectors(i)),
                  start: null,
                  year: i.year,
                  detail: formatQuantity(i.value),
                },
                cite: i.cite,
              },
            ],
      )
    : [];
  return [...launched, ...targets, ...indicators].sort(
    (a, b) =>
      Number(a.row.year) - Number(b.row.year) || compareText(String(a.row.label), String(b.row.label)),
  );
}

const COLUMNS: DerivedTable['columns'] = [
  { name: 'year', label: 'Year', type: 'number' },
  // `kind` (Launched, Target, Measured) draws the mark; `event` is what the table says happened.
  { name: 'event', label: 'Event', type: 'string' },
  { name: 'label', label: 'Programme, target or indicator', type: 'string' },
  { name: 'sector', label: 'Sector', type: 'string' },
  { name: 'start', label: 'Baseline year', type: 'number' },
  { name: 'detail', label: 'Detail', type: 'string' },
];

function describe(row: Row): string {
  const details = [
    row.kind !== 'Launched' ? row.detail : '',
    row.start !== null ? `baseline ${row.start}` : '',
  ];
  const detail = details.filter(Boolean).join(', ');
  const verb =
    row.kind === 'Launched'
      ? `${String(row.event).toLowerCase()} in`
      : row.kind === 'Target'
        ? 'target for'
        : 'measured in';
  return `${verb} ${row.year}: ${row.label}${detail ? ` (${detail})` : ''}`;
}

function span(rows: Row[]): string {
  const years = rows.flatMap((r) => [r.start, r.year]).filter((y): y is number => typeof y === 'number');
  return years.length > 0 ? `${Math.min(...years)} to ${Math.max(...years)}` : '';
}

export function targetsTimeline(dataset: Dataset): DerivedTable {
  const list = events(dataset, false);
  const rows = list.map((e, order): Row => ({ ...e.row, order }));
  return {
    name: 'targetsTimeline',
    columns: COLUMNS,
    rows,
    sources: sourcesOf(list),
    notes: [],
    summary:
      rows.length === 0
        ? 'No dated strategies or targets in the dataset.'
        : `Strategies by the year they were launched (or pledged, proposed or decided, as the sources say) and targets by the year they aim at, ${span(rows)}: ${listing(
            rows.map((r) => `${describe(r)} [${r.sector}]`),
          )}.`,
  };
}

/**
 * Every sector's events come from one sorted list, derived once per dataset: each
 * sectorProfile used to derive and sort all events again and look every event's record up
 * by scanning, which made 500 sectors cost 500 × (events × records). Module scope is safe: keyed
 * by the build's own dataset object (read afresh by each build), gone with it.
 */
const eventsWithIndicators = new WeakMap<Dataset, Event[]>();

function allEvents(dataset: Dataset): Event[] {
  let list = eventsWithIndicators.get(dataset);
  if (!list) {
    list = events(dataset, true);
    eventsWithIndicators.set(dataset, list);
  }
  return list;
}

/** The dated events of one sector (`order` keeps the chart's rows in time order): its chart on the sector one-pager. */
export function sectorProfile(dataset: Dataset, sectorId: string): DerivedTable {
  const sector = dataset.sectors.find((s) => s.id === sectorId);
  const name = sector ? sectorName(sector) : sectorId;
  const list = allEvents(dataset).filter((e) => e.sectors.includes(sectorId));
  // A sector's own chart is not coloured by sector: the field is the briefing timeline's.
  const rows = list.map(({ row: { primarySector: _primary, ...row } }, order): Row => ({ ...row, order }));
  return {
    name: `sectorProfile.${sectorId}`,
    columns: COLUMNS.filter((c) => c.name !== 'sector'),
    rows,
    sources: sourcesOf(list),
    notes: [],
    summary:
      rows.length === 0
        ? `No dated programmes, targets or indicators for ${name}.`
        : `${name}: dated programmes, targets and indicators, ${span(rows)}: ${listing(rows.map(describe))}.`,
  };
}
