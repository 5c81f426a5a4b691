/**
 * The `analysis` section as templates see it: each item's `basedOn` ids resolved to the records
 * they name, so a template can print a judgement's evidence (its records' names and, through
 * `{{cite this}}`, their citations) without looking anything up. A watch item's `when` is also
 * given as `date` (a date) or `period` (a period), the fields the date and year helpers read.
 *
 * analysis.judgements[]:   {id, title, text, sectors: [sector ids], basedOn: Evidence[]}
 * analysis.implications[]: {id, audience, text, basedOn: Evidence[]}
 * analysis.watch[]:        {id, text, when, date: "2026-06" | null, period: {from?, to?} | null, year: null, basedOn: Evidence[]}
 * analysis.limits[]:       {id, text}
 * Evidence:                {id, list: "programs" | "targets" | …, name, cite: Citation[], record}
 *
 * The reference check (src/dataset/analysis-references.ts) has made sure every id resolves
 * to exactly one record; an id that does not is left out rather than failing the document.
 */
import { BASED_ON_LISTS } from '../dataset/analysis.js';
import { CITING } from '../dataset/provenance/records.js';
import { isRecord } from './helper-args.js';
import { instrumentLabel } from './partner-wording.js';

type Loose = Record<string, unknown>;

/**
 * The words a record is known by: a programme's name, a figure's label, a target's description;
 * a partnership by its instrument, counterparty and subject ("Bilateral agreements with … on …").
 */
function recordName(record: Loose): string {
  const counterparty = record.counterparty;
  if (isRecord(counterparty) && typeof counterparty.name === 'string' && typeof record.subject === 'string') {
    const instrument = instrumentLabel(record as unknown as Parameters<typeof instrumentLabel>[0]);
    return `${instrument} with ${counterparty.name} on ${record.subject}`;
  }
  for (const key of ['name', 'label', 'description']) {
    const value = record[key];
    if (typeof value === 'string') return value;
  }
  return String(record.id);
}

/** Evidence entries by record id, from the filled dataset's citing lists. */
function evidenceById(filled: Loose): Map<string, Loose> {
  const byId = new Map<string, Loose>();
  for (const list of CITING) {
    const records = filled[list];
    if (!Array.isArray(records)) continue;
    for (const record of records) {
      if (!isRecord(record) || typeof record.id !== 'string' || byId.has(record.id)) continue;
      byId.set(record.id, { id: record.id, list, name: recordName(record), cite: record.cite, record });
    }
  }
  return byId;
}

/** The filled dataset's `analysis`, with `basedOn` resolved (see the module comment). */
export function resolvedAnalysis(filled: Loose): Loose {
  const analysis = isRecord(filled.analysis) ? filled.analysis : {};
  const evidence = evidenceById(filled);
  const out: Loose = { ...analysis };
  for (const name of BASED_ON_LISTS) {
    const items = Array.isArray(analysis[name]) ? (analysis[name] as unknown[]) : [];
    out[name] = items.filter(isRecord).map((item) => {
      const ids = Array.isArray(item.basedOn) ? item.basedOn : [];
      const basedOn = ids.flatMap((id) => (typeof id === 'string' ? (evidence.get(id) ?? []) : []));
      return name === 'watch' ? { ...item, ...whenFields(item.when), basedOn } : { ...item, basedOn };
    });
  }
  out.limits = Array.isArray(analysis.limits) ? analysis.limits : [];
  return out;
}

function whenFields(when: unknown): { date: string | null; period: Loose | null; year: null } {
  if (isRecord(when))
    return { date: null, period: { from: when.from ?? null, to: when.to ?? null }, year: null };
  return { date: typeof when === 'string' ? when : null, period: null, year: null };
}
