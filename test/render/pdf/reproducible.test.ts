import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleBriefing, sampleCharts, sampleOnePager } from '../../fixtures/models/briefing.js';
import { endToEndTools } from '../tools.js';
import { allText, open, raw, render } from './read.js';

describe('PDF determinism', () => {
  it('renders byte-identical files for identical inputs, /ID included', async () => {
    const a = await render(sampleBriefing(), sampleCharts());
    const b = await render(sampleBriefing(), sampleCharts());
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(raw(a.bytes)).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
  });

  it('changes the text when one figure of the data changes', async () => {
    const a = await render(sampleBriefing(), sampleCharts());
    const changed = { budget: '₩31.2 trillion' };
    const b = await render(sampleBriefing(changed), sampleCharts(changed));
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(false);
    const textA = (await allText(await open(a.bytes))).join('\n');
    const textB = (await allText(await open(b.bytes))).join('\n');
    expect(textA).toContain('₩29.8 trillion');
    expect(textB).not.toContain('₩29.8 trillion');
    expect(textB).toContain('₩31.2 trillion');
  });

  it('takes its dates from the options, never the clock', async () => {
    const { bytes } = await render(sampleOnePager(), sampleCharts(), {
      variant: 'one-pager',
      date: new Date('2001-02-03T04:05:06Z'),
    });
    const info = (await (await open(bytes)).getMetadata()).info as Record<string, unknown>;
    expect(info.CreationDate).toBe('D:20010203040506Z');
    expect(info.ModDate).toBe('D:20010203040506Z');
  });
});

describe('qpdf --check', () => {
  const run = endToEndTools('the qpdf --check tests', 'qpdf') ? it : it.skip;
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-pdf-'));
  for (const [name, model, options] of [
    ['briefing', sampleBriefing(), {}],
    ['one-pager', sampleOnePager(), { variant: 'one-pager' as const }],
    ['pdfa', sampleBriefing(), { pdfa: true }],
    ['letter', sampleBriefing(), { pageSize: 'LETTER' as const }],
  ] as const) {
    run(`passes for the ${name}`, async () => {
      const { bytes } = await render(model, sampleCharts(), options);
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, bytes);
      const out = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
      expect(out).toContain('No syntax or stream encoding errors found');
    });
  }
});
