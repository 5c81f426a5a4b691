import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import {
  deriveTableSet,
  deriveTables,
  indicatorHighlights,
  influenceMatrix,
  investmentTrend,
  programBudgets,
  sectorProfile,
  sectorSummary,
  TABLE_NAMES,
  targetsTimeline,
} from '../../src/derive/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

async function load(file: string): Promise<Dataset> {
  const result = await loadDatasetFile(join(ROOT, file));
  expect(result.diagnostics).toEqual([]);
  if (!result.dataset) throw new Error(`${file} did not validate`);
  return result.dataset;
}

const shipped = () => load('data/korea-emerging-tech.yaml');
const tiny = () => load('test/fixtures/charts/tiny.yaml');

describe('derived tables of the shipped dataset', () => {
  it('programBudgets keeps stated amounts, qualifiers and stated USD, on one billions scale', async () => {
    const table = programBudgets(await shipped());
    const byId = Object.fromEntries(table.rows.map((r) => [r.id, r]));
    expect(table.rows.map((r) => r.id)).toEqual([
      'ai-investment-fund',
      'digital-new-deal',
      'strategic-fields-2025',
      'quantum-research-centres',
    ]);
    expect(byId['digital-new-deal']).toMatchObject({
      amount: 58,
      scale: 'trillion',
      qualifier: 'over',
      valueBn: 58000,
      amountText: 'over ₩58 trillion',
      statedText: 'about US$47 billion',
    });
    expect(byId['quantum-research-centres']).toMatchObject({ valueBn: 44, statedText: 'US$33 million' });
    expect(byId['strategic-fields-2025']).toMatchObject({ valueBn: 6800, statedText: '' });
    expect(byId['ai-investment-fund']).toMatchObject({ valueBn: 100000, amountText: '₩100 trillion' });
    expect(table.columns.find((c) => c.name === 'valueBn')?.unit).toBe('₩ billion');
    expect(table.notes.join(' ')).toMatch(/our arithmetic/);
    expect(table.summary).toContain('over ₩58 trillion (about US$47 billion stated)');
    expect(table.sources).toEqual(['park-2025']);
  });

  it('investmentTrend keeps the 2028 target a target and a floor', async () => {
    const rows = investmentTrend(await shipped()).rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ year: 2025, kind: 'Stated figure', floor: 'no', valueBn: 6800 });
    expect(rows[1]).toMatchObject({
      year: 2028,
      kind: 'Target',
      floor: 'yes',
      valueBn: 30000,
      valueLabel: 'over ₩30 trillion (target)',
    });
  });

  it('sectorSummary counts programmes, targets and indicators and says it computed them', async () => {
    const table = sectorSummary(await shipped());
    const ai = table.rows.find((r) => r.sectorId === 'ai');
    expect(ai).toMatchObject({ sector: 'AI · 인공지능', programmes: 9, targets: 1, indicators: 0 });
    // The source names no robotics programme: its smart-factory aim is a target only.
    expect(table.rows.find((r) => r.sectorId === 'robotics')).toMatchObject({
      programmes: 0,
      targets: 1,
      indicators: 1,
    });
    expect(table.columns.filter((c) => c.type === 'number').every((c) => c.label.includes('computed'))).toBe(
      true,
    );
    expect(table.notes[0]).toMatch(/^Counts are ours/);
  });

  it('targetsTimeline runs from 2019 to 2030 in time order', async () => {
    const table = targetsTimeline(await shipped());
    const years = table.rows.map((r) => Number(r.year));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(Math.min(...years)).toBe(2019);
    expect(Math.max(...years)).toBe(2030);
    expect(table.rows.find((r) => r.id === 'quantum-experts')).toMatchObject({
      kind: 'Target',
      start: 2023,
      detail: '1,000 quantum experts',
    });
    expect(table.summary).toContain('2019 to 2030');
  });

  it('targetsTimeline says what happened to a programme as its record does, never "Launched" of a pledge', async () => {
    const data = await shipped();
    const rows = targetsTimeline(data).rows;
    const dated = data.programs.filter((p) => p.year !== undefined);
    const pledged = dated.filter((p) => p.budgetStatus === 'pledged' && !p.modality);
    expect(pledged.length).toBeGreaterThan(0);
    for (const p of dated) {
      const row = rows.find((r) => r.id === p.id);
      const plain = !p.modality && (!p.budgetStatus || ['allocated', 'actual'].includes(p.budgetStatus));
      expect(row?.event === 'Launched', p.id).toBe(plain);
    }
    for (const p of pledged) expect(rows.find((r) => r.id === p.id)?.event).toBe('Pledged');
    expect(targetsTimeline(data).summary).toMatch(/pledged in \d{4}: /);
  });

  it('influenceMatrix has every sector × channel pair, linked as the channels say', async () => {
    const data = await shipped();
    const rows = influenceMatrix(data).rows;
    expect(rows).toHaveLength(data.sectors.length * data.channels.length);
    const linked = rows
      .filter((r) => r.linked === 'Linked (our reading)')
      .map((r) => `${r.channelId}/${r.sectorId}`);
    expect(linked).toEqual([
      'economic-diplomacy/semiconductors',
      'economic-diplomacy/robotics',
      'soft-power/ai',
      'soft-power/biotechnology',
      'security-defence/ai',
      'security-defence/quantum',
      'security-defence/robotics',
      'global-challenges/biotechnology',
    ]);
  });

  it('indicatorHighlights keeps "over" and the unit', async () => {
    const rows = indicatorHighlights(await shipped()).rows;
    expect(rows.find((r) => r.id === 'semiconductor-share')).toMatchObject({
      qualifierText: 'over',
      valueText: '20%',
      caption: 'Samsung Electronics and SK Hynix',
    });
    expect(rows.find((r) => r.id === 'robot-density')).toMatchObject({
      qualifierText: '',
      valueText: '1,012',
      caption: 'robots per 10,000 manufacturing workers',
    });
  });

  it('sectorProfile holds only that sector’s events', async () => {
    const data = await shipped();
    expect(sectorProfile(data, 'robotics').rows.map((r) => r.id)).toEqual([
      'robot-density',
      'smart-factories',
    ]);
    expect(sectorProfile(data, 'semiconductors').rows.map((r) => r.kind)).toEqual(['Launched', 'Measured']);
  });

  it('deriveTables has every table and one profile per sector', async () => {
    const data = await shipped();
    const names = Object.keys(deriveTables(data));
    expect(names).toEqual([...TABLE_NAMES, ...data.sectors.map((s) => `sectorProfile.${s.id}`)]);
    for (const table of Object.values(deriveTableSet(data))) {
      for (const column of table.columns) expect(table.rows.every((r) => column.name in r)).toBe(true);
    }
  });
});

describe('derived tables of a tiny synthetic dataset', () => {
  it('uses the dataset currency and never converts a foreign-currency budget', async () => {
    const table = programBudgets(await tiny());
    expect(table.rows.map((r) => r.id)).toEqual(['big-plan', 'now', 'small-plan']);
    expect(table.rows.find((r) => r.id === 'small-plan')).toMatchObject({
      valueBn: 0.00075,
      amountText: '€750,000',
      statedText: 'about US$800,000',
    });
    expect(table.rows.find((r) => r.id === 'big-plan')).toMatchObject({
      amountText: 'about €2.5 billion',
      statedText: '',
    });
    expect(table.notes).toContain('1 budget in other currencies not shown.');
    expect(table.columns.find((c) => c.name === 'valueBn')?.unit).toBe('€ billion');
  });

  it('marks an "at least" target as a floor and an actual figure as stated', async () => {
    const rows = investmentTrend(await tiny()).rows;
    expect(rows.map((r) => [r.kind, r.floor, r.valueLabel])).toEqual([
      ['Stated figure', 'no', '€1.2 billion (actual)'],
      ['Target', 'yes', 'at least €4 billion (target)'],
    ]);
  });

  it('counts a programme once for each of its sectors and labels sectors with local field names', async () => {
    const rows = sectorSummary(await tiny()).rows;
    expect(rows).toEqual([
      { sectorId: 'robo', sector: '로봇 산업 · 로봇', programmes: 2, targets: 1, indicators: 1 },
      { sectorId: 'green', sector: 'Green tech', programmes: 1, targets: 0, indicators: 0 },
    ]);
  });

  it('writes a percent indicator with its qualifier', async () => {
    const [row] = indicatorHighlights(await tiny()).rows;
    expect(row).toMatchObject({ qualifierText: 'about', valueText: '12.5%', caption: '' });
  });

  it('profiles a sector with only a multi-sector programme, and dates targets from their baseline', async () => {
    const data = await tiny();
    expect(sectorProfile(data, 'green').rows.map((r) => r.id)).toEqual(['big-plan']);
    expect(targetsTimeline(data).rows.map((r) => [r.id, r.start, r.year])).toEqual([
      ['big-plan', null, 2021],
      ['robo-target', 2021, 2027],
    ]);
  });
});
