/**
 * Every bad-input fixture under test/fixtures/dataset-errors/ with the exact diagnostics
 * it must produce: code, file, line, column, path, message and hint. Each fixture holds
 * one mistake, except the "many-…" ones, where every problem must be reported at once.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';
import type { Diagnostic, DiagnosticCode } from '../../src/diagnostics.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'dataset-errors');

type Expected = Omit<Diagnostic, 'file'>;

/** One expected diagnostic; an empty path means the diagnostic has none (whole-file problems). */
function d(
  code: DiagnosticCode,
  line: number,
  column: number,
  path: string,
  message: string,
  hint?: string,
): Expected {
  return {
    code,
    severity: 'error',
    message,
    line,
    column,
    ...(path ? { path } : {}),
    ...(hint ? { hint } : {}),
  };
}

// biome-ignore format: one line per expected diagnostic, to read as a table
const CASES: Record<string, Expected[]> = {
  'administration-dates.yaml': [
    d('DATA_DATE_ORDER', 17, 10, 'administrations[0].end', 'end 2025-01-31 is before start 2025-06', 'an administration ends after it starts; check both dates'),
  ],
  'alias-bomb.yaml': [
    d('YAML_ALIAS_LIMIT', 2, 8, '', 'aliases (*name) expand to too many copies of their anchors', 'at most 100 alias expansions are allowed; write the values out'),
  ],
  'bad-currency.yaml': [
    d('DATA_FORMAT', 23, 38, 'programs[0].budget.currency', 'expected an ISO 4217 currency code such as USD or EUR, got "won"', 'use the three-letter code of ISO 4217, in capitals, such as USD, EUR or INR'),
  ],
  'bad-language.yaml': [
    d('DATA_FORMAT', 5, 13, 'meta.language', 'expected a BCP 47 language tag such as "en", "en-GB", "fil", "zh-Hant" or "pt-BR", got "pt_BR"'),
  ],
  'bad-month.yaml': [
    d('DATA_INVALID_VALUE', 6, 9, 'meta.asOf', 'expected a real calendar date, got "2025-13"', 'that date does not exist: check the month (01-12) and the day of the month'),
  ],
  'bad-scale.yaml': [
    d('DATA_INVALID_VALUE', 23, 51, 'programs[0].budget.scale', 'expected one of "one", "thousand", "ten-thousand", "lakh", "million", "crore", "hundred-million", "billion", "trillion", got "crores"', 'did you mean "crore"?'),
  ],
  'bad-date.yaml': [
    d('DATA_INVALID_VALUE', 6, 9, 'meta.asOf', 'expected a real calendar date, got "2025-02-30"', 'that date does not exist: check the month (01-12) and the day of the month'),
  ],
  'bad-id.yaml': [
    d('DATA_FORMAT', 20, 9, 'programs[0].id', 'expected a lower-case id of letters, digits and single hyphens (e.g. "ai-fund"), got "AI Fund"', 'for example "ai-fund"'),
  ],
  'bad-url.yaml': [
    d('DATA_FORMAT', 12, 10, 'sources[0].url', 'expected a web address such as "https://example.org/report", got "www.example.org/report"'),
  ],
  'blank-quote.yaml': [
    d('DATA_TOO_SMALL', 26, 16, 'programs[0].cite[0].quote', 'expected a non-empty text, got an empty text'),
  ],
  'comments-only.yaml': [
    d('FILE_EMPTY', 1, 1, '', 'the file holds no data (it is blank or only comments)', 'a dataset starts with `meta:`; see docs/dataset.md for a minimal example'),
  ],
  'dangling-administration.yaml': [
    d('REF_UNKNOWN', 32, 21, 'programs[0].administration', '"leee" is not the id of any entry in administrations', 'did you mean "lee"?'),
  ],
  'dangling-field.yaml': [
    d('REF_UNKNOWN', 22, 14, 'sectors[0].fields[0]', '"quantun" is not the id of any entry in fields', 'did you mean "quantum"?'),
  ],
  'dangling-indicator-sector.yaml': [
    d('REF_UNKNOWN', 22, 19, 'indicators[0].sectors[1]', '"robotcs" is not the id of any entry in sectors', 'add an entry with id "robotcs" to sectors, or use one of: ai'),
  ],
  'dangling-program.yaml': [
    d('REF_UNKNOWN', 29, 14, 'targets[0].program', '"fnd" is not the id of any entry in programs', 'did you mean "fund"?'),
  ],
  'dangling-sector.yaml': [
    d('REF_UNKNOWN', 24, 19, 'programs[0].sectors[1]', '"aii" is not the id of any entry in sectors', 'did you mean "ai"?'),
  ],
  'dangling-source.yaml': [
    d('REF_UNKNOWN', 25, 17, 'programs[0].cite[0].source', '"reprot" is not the id of any entry in sources', 'did you mean "report"?'),
  ],
  'document-marker-only.yaml': [
    d('FILE_EMPTY', 1, 1, '', 'the file holds no data (it is blank or only comments)', 'a dataset starts with `meta:`; see docs/dataset.md for a minimal example'),
  ],
  'duplicate-ids.yaml': [
    d('REF_DUPLICATE_ID', 27, 9, 'programs[1].id', 'duplicate id "fund" (first used at programs[0])', 'ids must be unique within a list; rename one of them'),
  ],
  'duplicate-key.yaml': [
    d('YAML_DUPLICATE_KEY', 23, 5, 'programs[0].name', 'duplicate key "name"', 'each key may appear once per record; keep one of them (the other is an earlier line)'),
  ],
  'empty-name.yaml': [
    d('DATA_TYPE', 21, 10, 'programs[0].name', 'expected text, got an empty value', 'write a value after the colon'),
  ],
  'empty.yaml': [
    d('FILE_EMPTY', 1, 1, '', 'the file holds no data (it is blank or only comments)', 'a dataset starts with `meta:`; see docs/dataset.md for a minimal example'),
  ],
  'fractional-year.yaml': [
    d('DATA_TYPE', 24, 11, 'programs[0].year', 'expected a whole number, got 2025.5', 'write a whole number such as 2025'),
  ],
  'infinite-amount.yaml': [
    d('DATA_TYPE', 23, 23, 'programs[0].budget.amount', 'expected a finite number, got .inf (infinity)', 'write a finite number: .inf and .nan are not figures'),
  ],
  'invalid-enum.yaml': [
    d('DATA_INVALID_VALUE', 24, 19, 'programs[0].budgetStatus', 'expected one of "planned", "actual", "target", "allocated", "decided", "pledged", "proposed", got "planed"', 'did you mean "planned"?'),
  ],
  'investment-before-baseline.yaml': [
    d('DATA_YEAR_ORDER', 22, 11, 'investments[0].year', 'year 2024 is before its baseline year 2025', 'the year is reached after the baseline year; check both years'),
  ],
  'list-for-mapping.yaml': [
    d('DATA_TYPE', 23, 13, 'programs[0].budget', 'expected a mapping, got a list of 3 items', 'write key: value lines here, not a list of "- " items'),
  ],
  'many-problems.yaml': [
    d('DATA_FORMAT', 5, 13, 'meta.language', 'expected a BCP 47 language tag such as "en", "en-GB", "fil", "zh-Hant" or "pt-BR", got "English"'),
    d('DATA_INVALID_VALUE', 22, 11, 'programs[0].kind', 'expected one of "strategy", "programme", "fund", "initiative", "body", "vision", "policy", "law", "regulation", "plan", got "fnd"', 'did you mean "fund"?'),
    d('DATA_TYPE', 23, 23, 'programs[0].budget.amount', 'expected a number, got "6.8조"', 'write a plain number such as 6.8, without quotes, units or thousands separators'),
    d('DATA_UNKNOWN_KEY', 23, 63, 'programs[0].budget.qualifer', 'unknown field "qualifer"', 'did you mean "qualifier"?'),
    d('DATA_REQUIRED', 27, 5, 'programs[1].name', 'required field "name" is missing (expected text)', 'add "name:" to this record; see docs/dataset.md'),
    d('REF_UNKNOWN', 30, 17, 'programs[1].cite[0].source', '"reprot" is not the id of any entry in sources', 'did you mean "report"?'),
  ],
  'many-reference-problems.yaml': [
    d('REF_UNKNOWN', 23, 15, 'programs[0].sectors[0]', '"robots" is not the id of any entry in sectors', 'add an entry with id "robots" to sectors, or use one of: ai'),
    d('REF_UNKNOWN', 25, 17, 'programs[0].cite[0].source', '"paper" is not the id of any entry in sources', 'add an entry with id "paper" to sources, or use one of: report'),
    d('REF_DUPLICATE_ID', 27, 9, 'programs[1].id', 'duplicate id "fund" (first used at programs[0])', 'ids must be unique within a list; rename one of them'),
  ],
  'misspelt-section.yaml': [
    d('DATA_REQUIRED', 1, 1, 'sources', 'required section "sources" is missing (expected a list)', 'add a "sources:" section; see docs/dataset.md'),
    d('DATA_UNKNOWN_KEY', 9, 1, 'source', 'unknown section "source"', 'did you mean "sources"?'),
  ],
  'missing-field.yaml': [
    d('DATA_REQUIRED', 20, 5, 'programs[0].name', 'required field "name" is missing (expected text)', 'add "name:" to this record; see docs/dataset.md'),
  ],
  'multi-document.yaml': [
    d('YAML_MULTI_DOCUMENT', 19, 1, '', 'the file holds more than one YAML document (a second `---`)', 'keep one dataset per file: remove the `---` line and what follows, or split the file'),
  ],
  'nan-amount.yaml': [
    d('DATA_TYPE', 23, 23, 'programs[0].budget.amount', 'expected a finite number, got .nan (not a number)', 'write a finite number: .inf and .nan are not figures'),
  ],
  'negative-amount.yaml': [
    d('DATA_TOO_SMALL', 23, 23, 'programs[0].budget.amount', 'expected a positive number, got -6.8'),
  ],
  'no-citation.yaml': [
    d('DATA_TOO_SMALL', 23, 11, 'programs[0].cite', 'expected at least one citation, got an empty list'),
  ],
  'no-sources.yaml': [
    d('DATA_TOO_SMALL', 9, 10, 'sources', 'expected at least 1 item, got an empty list'),
    d('REF_UNKNOWN', 15, 17, 'sectors[0].cite[0].source', '"report" is not the id of any entry in sources', 'add an entry with id "report" to sources'),
  ],
  'not-utf8.yaml': [
    d('FILE_NOT_UTF8', 11, 21, '', 'the file is not valid UTF-8 text', 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)'),
  ],
  'proto-key.yaml': [
    d('DATA_UNKNOWN_KEY', 24, 5, 'programs[0].__proto__', 'unknown field "__proto__"', 'allowed fields here: id, name, localName, kind, year, date, administration, sectors, budget, budgetStated, budgetAlternatives, budgetScope, budgetYear, budgetPeriod, budgetStatus, budgetSameAs, budgetIncludes, budgetOverlaps, recipients, places, goals, modality, cite'),
  ],
  'range-reversed.yaml': [
    d('DATA_INVALID_VALUE', 23, 37, 'programs[0].budget.amountMax', 'expected an upper end greater than amount (5), got 3', 'a range runs from `amount` (the lower end) to `amountMax`; swap them or drop amountMax'),
  ],
  'scalar-for-list.yaml': [
    d('DATA_TYPE', 24, 14, 'programs[0].sectors', 'expected a list, got "ai"', 'write a list, even of one item: [ai]'),
  ],
  'tab-indent.yaml': [
    d('YAML_SYNTAX', 10, 1, '', 'Tabs are not allowed as indentation', 'indent with spaces: YAML does not allow tabs for indentation'),
    d('YAML_SYNTAX', 11, 1, '', 'Tabs are not allowed as indentation', 'indent with spaces: YAML does not allow tabs for indentation'),
  ],
  'target-before-baseline.yaml': [
    d('DATA_YEAR_ORDER', 23, 11, 'targets[0].year', 'target year 2025 is before its baseline year 2030', 'the year is reached after the baseline year; check both years'),
  ],
  'top-level-list.yaml': [
    d('DATA_TYPE', 1, 1, '', 'the file must be a mapping of sections (meta:, sources:, …), got a list of 2 items', 'start the file with "meta:" at the beginning of a line'),
  ],
  'top-level-scalar.yaml': [
    d('DATA_TYPE', 1, 1, '', 'the file must be a mapping of sections (meta:, sources:, …), got the text "just a sentence, not a dataset"', 'start the file with "meta:" at the beginning of a line'),
  ],
  'unknown-currency.yaml': [
    d('DATA_INVALID_VALUE', 23, 38, 'programs[0].budget.currency', 'expected a currency code of ISO 4217, got "JYP"', 'did you mean "JPY"?'),
  ],
  'unknown-home-currency.yaml': [
    d('DATA_INVALID_VALUE', 8, 13, 'meta.currency', 'expected a currency code of ISO 4217, got "KRV"', 'did you mean "KRW"?'),
  ],
  'unsafe-url.yaml': [
    d('DATA_INVALID_VALUE', 12, 10, 'sources[0].url', 'expected a web address starting with https:// or http://, got "javascript:alert(document.cookie)"', 'only https: and http: addresses become links; a javascript: address would open something other than a web page'),
  ],
  'huge-amount.yaml': [
    d('DATA_TOO_BIG', 23, 23, 'programs[0].budget.amount', 'expected a figure of at most 1,000,000,000,000,000 (10^15), got 1e+308', 'write the number the source prints with its scale word: "58 trillion" is amount: 58, scale: trillion'),
  ],
  'date-before-1900.yaml': [
    d('DATA_TOO_SMALL', 6, 9, 'meta.asOf', 'expected a date in 1900 or later, got "0000-01-01"', 'briefkit handles dates from 1900 to 2200; check the year'),
  ],
  'date-after-2200.yaml': [
    d('DATA_TOO_BIG', 12, 11, 'sources[0].date', 'expected a date in 2200 or earlier, got "2201-03"', 'briefkit handles dates from 1900 to 2200; check the year'),
  ],
  'yaml-tag.yaml': [
    d('YAML_TAG', 3, 10, 'meta.title', 'the YAML tag !shell is not allowed: the file holds plain values only', 'remove !shell; if the text is meant as written, put all of it in double quotes: "!shell ls"'),
  ],
  'unclosed-bracket.yaml': [
    d('YAML_SYNTAX', 13, 3, '', 'the [ opened at 8:13 is never closed', 'end the list with ] on the line where it starts, e.g. [ai, chips]; if the [ is part of a text, put the text in double quotes'),
  ],
  'unclosed-quote.yaml': [
    d('YAML_SYNTAX', 27, 1, '', 'the " opened at 3:10 is never closed', 'end the text with a closing "; a " inside the text is written \\"'),
  ],
  'cr-line-endings.yaml': [
    d('DATA_UNKNOWN_KEY', 24, 60, 'programs[0].budget.qualifer', 'unknown field "qualifer"', 'did you mean "qualifier"?'),
  ],
  'unknown-key.yaml': [
    d('DATA_UNKNOWN_KEY', 23, 60, 'programs[0].budget.qualifer', 'unknown field "qualifer"', 'did you mean "qualifier"?'),
  ],
  'unknown-section.yaml': [
    d('DATA_UNKNOWN_KEY', 19, 1, 'program', 'unknown section "program"', 'did you mean "programs"?'),
  ],
  'unquoted-colon.yaml': [
    d('YAML_SYNTAX', 21, 11, '', 'Nested mappings are not allowed in compact mappings', 'a value containing ": " reads as a new key; put the whole text in double quotes, e.g. title: "Plan: phase 2"'),
  ],
  'unresolved-alias.yaml': [
    d('YAML_SYNTAX', 26, 16, '', 'the alias *fund* refers to no anchor &fund* before it', 'a value starting with * is read as an alias: put text like *this* in double quotes'),
  ],
  'utf16.yaml': [
    d('FILE_NOT_UTF8', 1, 1, '', 'the file is not valid UTF-8 text', 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)'),
  ],
  'wrong-type-amount.yaml': [
    d('DATA_TYPE', 23, 23, 'programs[0].budget.amount', 'expected a number, got "6.8조"', 'write a plain number such as 6.8, without quotes, units or thousands separators'),
  ],
  'yaml-syntax.yaml': [
    d('YAML_SYNTAX', 24, 5, '', 'the { opened at 23:13 is never closed', 'end the mapping with } on the line where it starts, e.g. { amount: 6.8, currency: EUR }; if the { is part of a text, put the text in double quotes'),
  ],
  'year-date-order.yaml': [
    d('DATA_DATE_ORDER', 24, 10, 'administrations[0].end', 'end 2024-12 is before start 2025', 'an administration ends after it starts; check both dates'),
  ],
  'year-as-text.yaml': [
    d('DATA_TYPE', 24, 11, 'programs[0].year', 'expected a number, got "2025"', 'remove the quotes: write 2025, not "2025"'),
  ],
  'year-out-of-range.yaml': [
    d('DATA_TOO_BIG', 24, 11, 'programs[0].year', 'expected 2200 or less, got 20255'),
  ],
};

describe('bad dataset fixtures', () => {
  it.each(Object.entries(CASES))('%s', async (name, expected) => {
    const file = join(DIR, name);
    const result = await loadDatasetFile(file);
    expect(result.dataset).toBeUndefined();
    expect(result.diagnostics).toEqual(expected.map((e) => ({ ...e, file })));
  });

  it('has a case for every fixture file, and at least 25 of them', () => {
    const files = readdirSync(DIR).filter((f) => f !== 'bom.yaml');
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const result = await loadDatasetFile(join(DIR, 'bom.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.dataset?.meta.id).toBe('example');
    expect(result.dataset?.programs[0]?.budget).toEqual({
      amount: 6.8,
      currency: 'KRW',
      scale: 'trillion',
      qualifier: 'exact',
    });
  });
});
