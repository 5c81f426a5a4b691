/**
 * `build --watch` keeps seeing changes after the ways editors and git replace files:
 * an atomic save of the config (write a temporary file, rename it over), a folder renamed
 * away and back, a folder deleted and created again. Builds are counted, not run: the
 * test polls for the expected rebuild in a bounded loop and never asserts on time.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedBuildFlags } from '../../src/cli/build-command.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import type { Io } from '../../src/cli/io.js';
import { runWatch } from '../../src/cli/watch.js';

const CONFIG = 'briefkit.config.yaml';

function configText(dataset: string): string {
  return [
    `datasets: [${dataset}]`,
    'theme: templates/theme.yaml',
    'templates: templates',
    'charts: templates/charts',
    'documents:',
    '  - { id: a, template: a.md.hbs, format: pdf, output: a.pdf }',
    '',
  ].join('\n');
}

/** A project with just the files the watcher looks at; nothing is really built. */
function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-watch-'));
  mkdirSync(join(dir, 'data'));
  mkdirSync(join(dir, 'templates', 'charts'), { recursive: true });
  writeFileSync(join(dir, 'data', 'd.yaml'), 'meta: {}\n');
  writeFileSync(join(dir, 'templates', 'a.md.hbs'), '# A\n');
  writeFileSync(join(dir, 'templates', 'theme.yaml'), 'colors: {}\n');
  writeFileSync(join(dir, 'templates', 'charts', 'c.vl.json'), '{}\n');
  writeFileSync(join(dir, CONFIG), configText('data/d.yaml'));
  return dir;
}

/** An editor's atomic save: the new content goes to a temporary file renamed over the old. */
function atomicWrite(file: string, text: string): void {
  writeFileSync(`${file}.tmp~`, text);
  renameSync(`${file}.tmp~`, file);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds, a bounded number of times. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (check()) return;
    await sleep(25);
  }
  throw new Error(`gave up waiting for ${what}`);
}

const FLAGS: ParsedBuildFlags = { configFile: CONFIG, force: false, json: false, emitModel: false };
const running: { stop: AbortController; done: Promise<unknown> }[] = [];

afterEach(async () => {
  for (const r of running.splice(0)) {
    r.stop.abort();
    await r.done;
  }
});

/** Starts watching `dir` with a counting build; resolves once the first build has run. */
async function startWatching(dir: string) {
  const state = { builds: 0, watching: 0 };
  const stop = new AbortController();
  const io: Io = { out: () => {}, err: () => {}, isTTY: false };
  const done = runWatch(
    FLAGS,
    io,
    dir,
    {},
    {
      debounceMs: 20,
      signal: stop.signal,
      build: async () => {
        state.builds++;
        return EXIT.ok;
      },
      onWatching: () => {
        state.watching++;
      },
    },
  );
  running.push({ stop, done });
  await eventually(() => state.builds === 1 && state.watching >= 1, 'the first build');
  /** Makes a change and waits for the rebuild it causes. */
  const rebuiltAfter = async (change: () => void, what: string) => {
    const before = state.builds;
    change();
    await eventually(() => state.builds > before, `a rebuild after ${what}`);
  };
  return { state, rebuiltAfter, done, stop };
}

describe('build --watch', () => {
  it('keeps seeing the config and the data after an atomic save of the config', async () => {
    const dir = makeProject();
    const watch = await startWatching(dir);
    const config = join(dir, CONFIG);
    await watch.rebuiltAfter(
      () => atomicWrite(config, `${configText('data/d.yaml')}# 1\n`),
      'an atomic save',
    );
    await watch.rebuiltAfter(() => atomicWrite(config, `${configText('data/d.yaml')}# 2\n`), 'a second one');
    await watch.rebuiltAfter(
      () => writeFileSync(config, `${configText('data/d.yaml')}# 3\n`),
      'a plain write',
    );
    await watch.rebuiltAfter(
      () => writeFileSync(join(dir, 'data', 'd.yaml'), 'meta: { a: 1 }\n'),
      'a data edit',
    );
  });

  it('sees an edit of a stored source (sources/ beside the dataset): its quotes are checked again', async () => {
    const dir = makeProject();
    mkdirSync(join(dir, 'data', 'sources'));
    writeFileSync(join(dir, 'data', 'sources', 'r.txt'), 'A report.\n');
    const watch = await startWatching(dir);
    await watch.rebuiltAfter(
      () => writeFileSync(join(dir, 'data', 'sources', 'r.txt'), 'A corrected report.\n'),
      'a source edit',
    );
  });

  it('keeps seeing templates/ after it is renamed away and back', async () => {
    const dir = makeProject();
    const watch = await startWatching(dir);
    const templates = join(dir, 'templates');
    await watch.rebuiltAfter(() => renameSync(templates, `${templates}.away`), 'renaming templates/ away');
    await watch.rebuiltAfter(() => renameSync(`${templates}.away`, templates), 'renaming it back');
    await watch.rebuiltAfter(() => writeFileSync(join(templates, 'a.md.hbs'), '# B\n'), 'a template edit');
    await watch.rebuiltAfter(
      () => writeFileSync(join(templates, 'charts', 'c.vl.json'), '{"x":1}\n'),
      'a chart spec edit',
    );
  });

  it('keeps seeing data/ after it is deleted and created again (a git checkout)', async () => {
    const dir = makeProject();
    const watch = await startWatching(dir);
    const data = join(dir, 'data');
    await watch.rebuiltAfter(() => rmSync(data, { recursive: true }), 'deleting data/');
    await watch.rebuiltAfter(() => {
      mkdirSync(data);
      writeFileSync(join(data, 'd.yaml'), 'meta: {}\n');
    }, 'creating it again');
    await watch.rebuiltAfter(() => writeFileSync(join(data, 'd.yaml'), 'meta: { b: 2 }\n'), 'a data edit');
  });

  it('watches the paths the config names, re-read when the config changes', async () => {
    const dir = makeProject();
    mkdirSync(join(dir, 'inputs'));
    writeFileSync(join(dir, 'inputs', 'e.yaml'), 'meta: {}\n');
    const watch = await startWatching(dir);
    await watch.rebuiltAfter(
      () => atomicWrite(join(dir, CONFIG), configText('inputs/e.yaml')),
      'pointing the config at inputs/e.yaml',
    );
    await watch.rebuiltAfter(
      () => writeFileSync(join(dir, 'inputs', 'e.yaml'), 'meta: { c: 3 }\n'),
      'an edit there',
    );
  });

  it('stops when asked, with exit 0', async () => {
    const watch = await startWatching(makeProject());
    running.pop();
    watch.stop.abort();
    expect(await watch.done).toBe(EXIT.ok);
  });
});
