/**
 * Investments with a period, fiscal years, a basis, an actor and a hedge: valid ones pass, and
 * each mistake is one positioned diagnostic with a hint (a figure with both year and period
 * (neither is fine), a period that runs backwards, fiscal years without meta.fiscalYear).
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import { minimalDatasetText } from '../support/minimal-dataset.js';

const CITE = '[{ source: report, quote: The report says so. }]';
const MONEY = '{ amount: 4, currency: KRW, scale: trillion }';

function withInvestment(fields: string, meta = ''): string {
  const base = minimalDatasetText().replace('  currency: KRW\n', `  currency: KRW\n${meta}`);
  return `${base}investments:\n  - { id: money, label: Money, status: allocated, amount: ${MONEY}, ${fields}cite: ${CITE} }\n`;
}

const codes = (text: string) =>
  validateDatasetText(text, 'x.yaml').diagnostics.map((d) => [d.code, d.path, d.line]);

describe('investment periods', () => {
  it('accepts a period, fiscal years with meta.fiscalYear, a basis, an actor and a hedge', () => {
    const text = withInvestment(
      'period: { from: 2021, to: 2023 }, fiscal: true, basis: annual, actor: company, actorName: TSMC, modality: expected, ',
      '  fiscalYear: { startMonth: 4 }\n',
    );
    expect(codes(text)).toEqual([]);
    expect(codes(withInvestment('period: { to: 2030 }, '))).toEqual([]);
    expect(codes(withInvestment('year: 2024, '))).toEqual([]);
  });

  it('accepts a figure with neither a year nor a period (the source gives none), refuses one with both', () => {
    expect(codes(withInvestment(''))).toEqual([]);
    // Nor a status: "TSMC is investing more than US$20 billion" states no stage.
    expect(codes(withInvestment('').replace('status: allocated, ', ''))).toEqual([]);
    expect(codes(withInvestment('year: 2024, period: { from: 2021 }, '))).toEqual([
      ['DATA_INVALID_VALUE', 'investments[0].period', 21],
    ]);
  });

  it('refuses a period that runs backwards, or an empty one', () => {
    expect(codes(withInvestment('period: { from: 2023, to: 2021 }, '))).toEqual([
      ['DATA_YEAR_ORDER', 'investments[0].period.to', 21],
    ]);
    expect(codes(withInvestment('period: {}, ')).map((c) => c[1])).toContain('investments[0].period');
  });

  it('asks for meta.fiscalYear when a record says its years are fiscal', () => {
    const diagnostics = validateDatasetText(
      withInvestment('year: 2024, fiscal: true, '),
      'x.yaml',
    ).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['DATA_REQUIRED', 'investments[0].fiscal']]);
    expect(diagnostics[0]?.hint).toContain('fiscalYear');
  });

  it('takes fiscal: true on a target, and asks for meta.fiscalYear there too', () => {
    const target = (meta: string) =>
      `${minimalDatasetText().replace('  currency: KRW\n', `  currency: KRW\n${meta}`)}targets:\n  - { id: aim, description: An aim, year: 2027, fiscal: true, cite: ${CITE} }\n`;
    expect(codes(target('  fiscalYear: { startMonth: 4 }\n'))).toEqual([]);
    expect(codes(target('')).map((c) => [c[0], c[1]])).toEqual([['DATA_REQUIRED', 'targets[0].fiscal']]);
  });
});
