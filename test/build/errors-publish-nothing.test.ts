/**
 * Any error diagnostic, at any stage, discards the whole build: nothing is published,
 * nothing is cached, and the next build tries again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  buildIn,
  builtBriefingProject,
  cli,
  EDITED_ONE_PAGER,
  editDataset,
  makeProject,
  snapshot,
} from './project.js';

const failing = vi.hoisted(() => ({ on: false }));

vi.mock('../../src/render/registry.js', async (importOriginal) => {
  const { registryWith } = await import('./registry-mock.js');
  return registryWith(importOriginal, async (render, _model, context) => {
    const result = await render();
    if (!failing.on || context.options.variant !== 'one-pager') return result;
    const overflow = {
      code: 'RENDER_OVERFLOW' as const,
      severity: 'error' as const,
      message: 'a table row does not fit the page',
    };
    return { ...result, diagnostics: [...result.diagnostics, overflow] };
  });
});

describe('a renderer that reports an error', () => {
  it('publishes nothing, names the document, and the next build tries again', async () => {
    const dir = makeProject();
    await buildIn(dir, EDITED_ONE_PAGER);
    const before = snapshot(dir);
    editDataset(dir, 'amount: 1012,', 'amount: 1013,');
    failing.on = true;
    const failed = await buildIn(dir, EDITED_ONE_PAGER);
    failing.on = false;
    expect(failed.status).toBe('failed');
    expect(failed.published).toEqual([]);
    const overflow = failed.diagnostics.find((d) => d.code === 'RENDER_OVERFLOW');
    expect(overflow?.document).toMatch(/^sector-/);
    expect(snapshot(dir)).toEqual(before);
    const again = await buildIn(dir, EDITED_ONE_PAGER);
    expect(again.status).toBe('built');
    expect(again.built.length).toBeGreaterThan(0);
    expect(snapshot(dir)).not.toEqual(before);
  }, 60_000);
});

describe('through the command line', () => {
  it('a character the font lacks fails the build, publishes nothing, and is never "up to date"', () => {
    // The briefing-only baseline: the briefing names the government, and each failed build
    // draws one document instead of all.
    const dir = builtBriefingProject();
    const before = snapshot(dir);
    const file = join(dir, 'data', 'korea-emerging-tech.yaml');
    const text = readFileSync(file, 'utf8');
    // An Egyptian hieroglyph: no face of the shipped font stack has one.
    writeFileSync(file, text.replace(/(\n\s+name: )([A-Z][^\n]*)/, '$1$2 \u{13000}'));
    for (let attempt = 0; attempt < 2; attempt++) {
      const run = cli(dir, ['build']);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/data\/korea-emerging-tech\.yaml:\d+:\d+ .*TEXT_MISSING_GLYPH/);
      expect(run.stderr).not.toContain('up to date; nothing rebuilt');
      expect(snapshot(dir)).toEqual(before);
    }
    const json = cli(dir, ['build', '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).status).toMatch(/^(failed|invalid)$/);
  }, 120_000);

  it('--only briefing with a broken chart spec publishes nothing', () => {
    const dir = builtBriefingProject();
    const before = snapshot(dir);
    const spec = join(dir, 'templates', 'charts', 'program-budgets.vl.json');
    const parsed = JSON.parse(readFileSync(spec, 'utf8'));
    // Valid JSON, but a mark vega-lite does not have: the chart cannot be drawn.
    parsed.layer[0].mark = { type: 'nonsense' };
    writeFileSync(spec, JSON.stringify(parsed, null, 2));
    const run = cli(dir, ['build', '--only', 'briefing']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/templates\/charts\/program-budgets\.vl\.json:\d+:\d+/);
    expect(snapshot(dir)).toEqual(before);
  }, 120_000);
});
