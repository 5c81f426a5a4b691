/**
 * `briefkit preview` as a user runs it (the compiled CLI in a copy of the built project):
 * it serves out/ on 127.0.0.1 only, refuses paths that leave out/ (`..`, `%2e%2e`, a symbolic
 * link inside out/), gives each file its content type, tells the open page when a rebuild
 * ends, shows a failed build's diagnostics instead of the stale outputs, and stops on Ctrl-C.
 * Every wait is a bounded poll on the server's output or answers, never a time threshold.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtProject, CLI, EPOCH } from '../build/project.js';

interface Answer {
  status: number;
  type: string;
  body: string;
}

function request(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    }).on('error', reject);
  });
}

/** A raw path, sent as written (no client-side resolving of `..`). */
function rawPath(base: string, path: string): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: '' }),
      );
    }).on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 2400; attempt++) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** The event stream: every `event: build` the server sends, counted. */
function listen(url: string): { builds: () => number; close: () => void } {
  let builds = 0;
  let response: IncomingMessage | undefined;
  const req = get(`${url}__briefkit/events`, (res) => {
    response = res;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      builds += chunk.split('event: build\n').length - 1;
    });
  });
  req.on('error', () => {});
  return { builds: () => builds, close: () => (response ? response.destroy() : req.destroy()) };
}

describe('briefkit preview', () => {
  let dir: string;
  let child: ChildProcess;
  let stderr = '';
  let url: string;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    dir = builtProject();
    child = spawn(process.execPath, [CLI, 'preview', '--port', '0'], {
      cwd: dir,
      env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, CI: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.stdout?.resume();
    exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    url = await eventually(() => /previewing out\/ at (http:\/\/\S+\/)/.exec(stderr)?.[1], 'the URL');
    await eventually(() => (stderr.includes('watching for changes') ? true : undefined), 'the first build');
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('listens on 127.0.0.1 and answers to localhost only', async () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
    expect((await request(url, { host: 'evil.example' })).status).toBe(403);
    expect((await request(url, { host: `localhost:${new URL(url).port}` })).status).toBe(200);
  });

  it('serves the files of out/ with their content types, and the index at /', async () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as {
      outputs: { path: string }[];
    };
    const types: Record<string, string> = {
      pdf: 'application/pdf',
      pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      svg: 'image/svg+xml',
      png: 'image/png',
    };
    for (const [extension, type] of Object.entries(types)) {
      const file = manifest.outputs.find((o) => o.path.endsWith(`.${extension}`));
      if (!file) throw new Error(`the build made no .${extension} file`);
      const answer = await request(`${url}${file.path}`);
      expect([answer.status, answer.type], file.path).toEqual([200, type]);
    }
    const index = await request(url);
    expect(index.type).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<script src="/__briefkit/reload.js" defer></script>');
    expect(index.body).toMatch(/script-src 'self'; connect-src 'self'/);
    const published = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    expect(published).not.toContain('<script');
    expect((await request(`${url}manifest.json`)).type).toBe('application/json; charset=utf-8');
  });

  it('refuses every path out of out/: "..", encoded dots and slashes, symbolic links', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/charts/%2E%2E/%2e%2e/package.json',
      '/charts%2f..%2f..%2fpackage.json',
      '/%00',
    ])
      expect((await rawPath(url, path)).status, path).toBe(403);
    // out/ is a link to the build folder; a link inside that folder is never followed.
    const real = realpathSync(join(dir, 'out'));
    symlinkSync(join(dir, 'package.json'), join(real, 'leak.json'));
    symlinkSync(dir, join(real, 'project'));
    expect((await rawPath(url, '/leak.json')).status).toBe(403);
    expect((await rawPath(url, '/project/package.json')).status).toBe(403);
    expect((await rawPath(url, '/no-such-file.pdf')).status).toBe(404);
  });

  it('tells the page when a rebuild ends, and shows a failed build’s diagnostics in its place', async () => {
    const events = listen(url);
    const datasetFile = join(dir, 'data', 'korea-emerging-tech.yaml');
    const good = readFileSync(datasetFile, 'utf8');
    await sleep(200); // the stream is open before the change (its first line arrives at once)
    appendFileSync(join(dir, 'templates', 'deck.md.hbs'), '\n{{!-- a change --}}\n');
    await eventually(() => (events.builds() >= 1 ? true : undefined), 'the reload event');
    expect((await request(url)).status).toBe(200);

    // A figure that is not a date: the build fails at that line of the dataset.
    const lines = good.split('\n');
    const line = lines.findIndex((l) => /^\s+asOf: /.test(l)) + 1;
    expect(line).toBeGreaterThan(0);
    writeFileSync(datasetFile, good.replace(/^(\s+asOf: ).*$/m, '$1not-a-date'));
    await eventually(() => (events.builds() >= 2 ? true : undefined), 'the event of the failed build');
    const failed = await request(url);
    expect(failed.status).toBe(500);
    expect(failed.body).toContain(`data/korea-emerging-tech.yaml:${line}:`);
    expect(failed.body).toContain('The last build failed');
    expect((await request(`${url}briefing.pdf`)).status).toBe(500);

    writeFileSync(datasetFile, good);
    await eventually(() => (events.builds() >= 3 ? true : undefined), 'the event of the fixed build');
    const fixed = await request(url);
    expect(fixed.status).toBe(200);
    expect(fixed.body).not.toContain('The last build failed');
    events.close();
  });

  it('stops cleanly on Ctrl-C', async () => {
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('preview stopped');
  });
});

describe('briefkit preview usage', () => {
  it('refuses a bad --port or --host, and preview options on other commands', () => {
    for (const args of [
      ['preview', '--port', '70000'],
      ['preview', '--port', 'x'],
      ['preview', '--host', 'not an address'],
      ['build', '--port', '1'],
    ]) {
      const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
