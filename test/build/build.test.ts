/**
 * The build end to end on a copy of the project: outputs, manifest, cache, faults.
 * Uses the library in-process (jobs 1) and the compiled CLI for process-level behaviour.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/pipeline/manifest.js';
import { buildIn, builtProject, cli, editDataset, makeProject, snapshot } from './project.js';

const manifestOf = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'));

describe('a clean build', () => {
  let dir: string;
  beforeAll(async () => {
    dir = makeProject();
    const report = await buildIn(dir);
    expect(report.diagnostics).toEqual([]);
    expect(report.status).toBe('built');
  });

  // Before the tests below change it: the shared baseline (test/support/baseline.ts) that
  // other build tests copy instead of building is this same fresh build.
  it('is what the shared baseline holds (test/build/baseline.test.ts)', () => {
    expect(snapshot(builtProject())).toEqual(snapshot(dir));
  });

  it('writes the briefing, the deck, one one-pager per sector, the charts and the manifest', () => {
    const manifest = manifestOf(dir);
    const paths = manifest.outputs.map((o) => o.path);
    expect(paths).toContain('briefing.pdf');
    expect(paths).toContain('deck.pptx');
    for (const sector of ['ai', 'semiconductors', 'quantum', 'biotechnology', 'robotics']) {
      expect(paths).toContain(`sectors/${sector}.pdf`);
      expect(paths).toContain(`charts/sector-${sector}.svg`);
    }
    expect(paths).toContain('charts/program-budgets.png');
    expect(manifest.buildTime).toBe('2025-07-15T00:00:00.000Z');
  });

  it('has a manifest that matches the files on disk', () => {
    for (const output of manifestOf(dir).outputs) {
      const bytes = readFileSync(join(dir, 'out', output.path));
      expect(bytes.byteLength, output.path).toBe(output.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), output.path).toBe(output.sha256);
    }
    const briefing = manifestOf(dir).outputs.find((o) => o.path === 'briefing.pdf');
    expect(briefing?.pages).toBeGreaterThan(3);
    expect(manifestOf(dir).outputs.find((o) => o.path === 'deck.pptx')?.slides).toBeGreaterThanOrEqual(8);
  });

  it('rebuilds nothing when nothing changed', async () => {
    const before = snapshot(dir);
    const report = await buildIn(dir);
    expect(report.built).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('rebuilds exactly what depends on a changed sector figure', async () => {
    editDataset(dir, 'amount: 1012,', 'amount: 1013,');
    const report = await buildIn(dir);
    expect(report.built).toContain('sector-robotics');
    expect(report.built).not.toContain('sector-ai');
    expect(report.built).not.toContain('sector-quantum');
    expect(report.built).not.toContain('chart:sector-ai');
    expect(report.cached).toContain('sector-ai');
  });

  it('rebuilds a published file that was changed or deleted on disk', async () => {
    writeFileSync(join(dir, 'out', 'sectors', 'ai.pdf'), 'tampered');
    const report = await buildIn(dir);
    expect(report.built).toEqual(['sector-ai']);
  });
});

describe('a failing build', () => {
  it('leaves out/ byte-identical when the dataset is invalid, and says where', async () => {
    const dir = builtProject();
    const before = snapshot(dir);
    editDataset(dir, 'amount: 6.8,', 'amount: "6.8조",');
    const run = cli(dir, ['build']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/data\/korea-emerging-tech\.yaml:\d+:\d+ .*investments\[0\]\.amount\.amount/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports a misspelt template or dataset path at its line in the config, with a did-you-mean', () => {
    const dir = makeProject();
    const config = join(dir, 'briefkit.config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('template: deck.md.hbs', 'template: dekc.md.hbs'),
    );
    const run = cli(dir, ['build']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /briefkit\.config\.yaml:\d+:\d+ +error CONFIG_INVALID +documents\[\d+\]\.template: no template "templates\/dekc\.md\.hbs"/,
    );
    expect(run.stderr).toContain('did you mean "templates/deck.md.hbs"?');
  });

  it('leaves out/ byte-identical when a template fails for one sector only', async () => {
    const dir = builtProject();
    const before = snapshot(dir);
    const file = join(dir, 'templates', 'sector.md.hbs');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}\n{{#if (eq sector.id "quantum")}}{{sector.noSuchField}}{{/if}}\n`,
    );
    const run = cli(dir, ['build']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('templates/sector.md.hbs:');
    expect(snapshot(dir)).toEqual(before);
  });

  it('leaves out/ byte-identical when the build is killed, and the next build recovers', async () => {
    const dir = builtProject();
    const before = snapshot(dir);
    editDataset(dir, 'amount: 6.8,', 'amount: 6.9,');
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js'), 'build', '--force'],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: '1752537600' },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(snapshot(dir)).toEqual(before);
    // The recovery (the dead build's lock and staging taken over) is the same in a build of one
    // document: the briefing the edit changed, not every document the --force build had begun.
    const again = cli(dir, ['build', '--only', 'briefing']);
    expect(again.status, again.stderr).toBe(0);
    expect(snapshot(dir).get('briefing.pdf')).not.toBe(before.get('briefing.pdf'));
    expect(existsSync(join(dir, '.briefkit', 'out', 'build.lock'))).toBe(false);
  });
});

describe('concurrent builds', () => {
  it('a build while another holds the lock exits 3 and touches nothing', async () => {
    const dir = builtProject();
    const before = snapshot(dir);
    const { acquireLock } = await import('../../src/pipeline/lock.js');
    const lock = await acquireLock(join(dir, '.briefkit', 'out', 'build.lock'));
    try {
      const run = cli(dir, ['build', '--force']);
      expect(run.status).toBe(3);
      expect(run.stderr).toContain('another build is running');
    } finally {
      await lock.release();
    }
    expect(snapshot(dir)).toEqual(before);
  });
});
