/** Template helpers on the schema's later additions, through real templates on the fictional dataset. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { briefing, dataset, FIXTURE, firstParagraph } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await dataset(FIXTURE);
});

function text(body: string): string {
  const result = briefing(data, `# T\n\n${body}\n`);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return firstParagraph(result.model);
}

describe('helpers on new dataset features', () => {
  it('statusVerb words each record by its status', () => {
    expect(
      text('{{#each (filterBy programs "budgetStatus")}}{{name}} {{statusVerb budgetStatus}}; {{/each}}'),
    ).toBe(
      'Hydrogen Valley Fund allocated; Grid Storage Grants allocated; Northern Shelf Wind Auction plans to invest; ' +
        'Offshore Wind Partnership pledged to mobilise; Grid Storage Bill proposed;',
    );
  });

  it('inSector finds records by `sector` or by `sectors`, and no whole-economy record', () => {
    const ids = (list: string, sector: string) =>
      text(`{{join (pluck (inSector ${list} "${sector}") "id") ", "}}`);
    // storage-jobs names hydrogen only in `sectors`; hydrogen-patents only as `sector`.
    expect(ids('indicators', 'hydrogen')).toBe('hydrogen-patents, storage-jobs');
    expect(ids('indicators', 'grid-storage')).toBe('storage-jobs');
    expect(ids('indicators', 'offshore-wind')).toBe('renewable-share');
    // Records with `sectors` only (programmes, channels) work the same way.
    expect(ids('channels', 'offshore-wind')).toBe('standards');
    expect(ids('indicators', 'no-such-sector')).toBe('');
  });

  it('inSector refuses a missing list or sector id, at the call', () => {
    for (const call of ['{{inSector indicators}}', '{{inSector "indicators" "hydrogen"}}']) {
      const result = briefing(data, `# T\n\n${call}\n`);
      expect(result.model, call).toBeUndefined();
      expect(result.diagnostics[0], call).toMatchObject({ code: 'TEMPLATE_HELPER_ARGS', line: 3, column: 1 });
    }
  });

  it('statusVerb refuses what is not a status, at the call', () => {
    const result = briefing(data, '# T\n\n{{statusVerb "planed"}}\n');
    expect(result.model).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ code: 'TEMPLATE_HELPER_ARGS', line: 3, column: 1 });
    expect(result.diagnostics[0]?.message).toContain('"planed"');
  });

  it('money prints a range from the data, with its qualifier', () => {
    expect(text('{{#with (byId programs "offshore-partnership")}}{{money budget}}{{/with}}')).toBe(
      'about €3–5 billion',
    );
    expect(text('{{#with (byId programs "hydrogen-valley-fund")}}{{money budget}}{{/with}}')).toBe(
      'about €2.4 billion',
    );
  });

  it('reads localName, locator and translation as fields, and a missing one as empty', () => {
    expect(
      text(
        '{{#with (byId programs "storage-bill")}}{{localName}}{{/with}}|{{#with (byId programs "hydrogen-plan")}}{{#if localName}}x{{else}}none{{/if}}{{/with}}',
      ),
    ).toBe('Zakon o pohrani|none');
    expect(
      text(
        '{{#with (byId indicators "rd-intensity")}}{{#each cite}}{{locator}} / {{translation}}{{/each}}{{/with}}',
      ),
    ).toBe('table 4.2 / Research spending reached 2.1% of GDP.');
  });

  it('a whole-economy indicator has no sector, and filterBy on sectors finds multi-sector ones', () => {
    expect(text('{{join (pluck (without indicators "sector") "id") ", "}}')).toBe(
      'rd-intensity, storage-jobs',
    );
    expect(text('{{join (pluck (filterBy indicators "sectors" "grid-storage") "id") ", "}}')).toBe(
      'storage-jobs',
    );
  });
});

describe('figureModality', () => {
  it('keeps the hedge, and says when its date has passed by the as-of date', async () => {
    const japan = await dataset(FIXTURE.replace('veloria-test-fixture', 'japan-semiconductors-ai'));
    const line = (id: string) => {
      const result = briefing(
        japan,
        `# T\n\n{{#each targets}}{{#if (eq id "${id}")}}{{figureTime this}}, {{figureModality this}}{{/if}}{{/each}}\n`,
      );
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      return firstParagraph(result.model);
    };
    // As of 22 December 2025, a target for 2024 is past; its plan is not still ahead.
    expect(line('tsmc-first-plant-line-widths')).toBe(
      'by 2024, planned (the sources do not say whether it happened)',
    );
    const future = japan.targets.find((t) => t.modality !== undefined && (t.year ?? 0) > 2026);
    if (future) expect(line(future.id)).toMatch(/, (planned|expected|anticipated|proposed)$/);
  });
});
