/**
 * Inputs are hashed again only when their stamp changed (src/pipeline/input-stamps.ts): size,
 * inode, mtime and ctime. New content of the same size with the mtime set back still changes
 * the ctime, so it is hashed again; a file changed just before it was stamped is not trusted.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/pipeline/hash.js';
import { InputStamps, RACY_MS } from '../../src/pipeline/input-stamps.js';
import { hashInputs, isUpToDate } from '../../src/pipeline/inputs.js';
import { MANIFEST_VERSION, type Manifest } from '../../src/pipeline/manifest.js';

/** Stamps made as if the file had been written long before the build. */
const later = () => Date.now() + 10 * RACY_MS;

function project(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-stamps-'));
  writeFileSync(join(dir, 'a.txt'), text);
  return dir;
}

async function hashWith(dir: string, stamps: InputStamps) {
  return (await hashInputs(dir, ['a.txt'], [], {}, [], stamps)).hashes['a.txt'];
}

/** The stamps a build saved, read back as the next build reads them. */
async function savedAndRead(stamps: InputStamps, dir: string): Promise<InputStamps> {
  await stamps.save(join(dir, 'state'));
  return InputStamps.read(join(dir, 'state'), later);
}

describe('input stamps', () => {
  it('an unchanged file is not read again: the recorded hash is used', async () => {
    const dir = project('first');
    const stamps = new InputStamps(new Map(), later);
    expect(await hashWith(dir, stamps)).toBe(sha256('first'));
    await stamps.save(join(dir, 'state'));
    // A recorded hash that is not the file's: seen only if the file was not read.
    const file = join(dir, 'state', 'input-stamps.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.entries[join(dir, 'a.txt')].sha256 = 'recorded';
    writeFileSync(file, JSON.stringify(saved));
    expect(await hashWith(dir, await InputStamps.read(join(dir, 'state'), later))).toBe('recorded');
  });

  it('new content of the same size with the old mtime put back is hashed again', async () => {
    const dir = project('first');
    const stamps = new InputStamps(new Map(), later);
    await hashWith(dir, stamps);
    const before = statSync(join(dir, 'a.txt'));
    writeFileSync(join(dir, 'a.txt'), 'other');
    utimesSync(join(dir, 'a.txt'), before.atime, new Date(before.mtimeMs - 60_000));
    expect(await hashWith(dir, await savedAndRead(stamps, dir))).toBe(sha256('other'));
  });

  it('changed content with a changed size or mtime is hashed again', async () => {
    const dir = project('first');
    const stamps = new InputStamps(new Map(), later);
    await hashWith(dir, stamps);
    const read = await savedAndRead(stamps, dir);
    writeFileSync(join(dir, 'a.txt'), 'second, longer');
    expect(await hashWith(dir, read)).toBe(sha256('second, longer'));
  });

  it('a file changed less than RACY_MS before it was stamped is not stamped', async () => {
    const dir = project('first');
    const stamps = new InputStamps();
    await hashWith(dir, stamps);
    await stamps.save(join(dir, 'state'));
    const read = await InputStamps.read(join(dir, 'state'));
    const info = statSync(join(dir, 'a.txt'), { bigint: true });
    expect(read.lookup(join(dir, 'a.txt'), info)).toBeUndefined();
  });

  it('a missing or foreign stamps file means no stamps', async () => {
    const dir = project('first');
    writeFileSync(join(dir, 'input-stamps.json'), '{"version": 99, "entries": {}}');
    const read = await InputStamps.read(dir, later);
    expect(read.lookup(join(dir, 'a.txt'), statSync(join(dir, 'a.txt'), { bigint: true }))).toBeUndefined();
    expect(await hashWith(dir, await InputStamps.read(join(dir, 'nowhere'), later))).toBe(sha256('first'));
  });
});

describe('output stamps on the no-op fast path', () => {
  /** A project with one input and one output, and the manifest a build of it wrote. */
  async function built(output: string) {
    const dir = project('input');
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'b.pdf'), output);
    const manifest: Manifest = {
      manifestVersion: MANIFEST_VERSION,
      briefkitVersion: 'test',
      buildTime: '2025-07-15T00:00:00Z',
      inputFiles: (await hashInputs(dir, ['a.txt'], [], {})).hashes,
      outputs: [
        {
          path: 'b.pdf',
          job: 'b',
          bytes: Buffer.byteLength(output),
          sha256: sha256(output),
          key: 'k',
          inputs: {},
        },
      ],
    };
    return { dir, out, manifest };
  }

  it('an output hashed once is stamped and not read again', async () => {
    const { dir, out, manifest } = await built('output');
    const stamps = new InputStamps(new Map(), later);
    expect(await isUpToDate(dir, out, manifest, 'test', {}, stamps)).toBe(true);
    expect(stamps.recorded).toBe(true);
    await stamps.save(join(dir, 'state'));
    // A recorded hash that is not the file's, in the stamps and the manifest: up to date only if
    // the output was not read.
    const file = join(dir, 'state', 'input-stamps.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.entries[join(out, 'b.pdf')].sha256 = 'recorded';
    writeFileSync(file, JSON.stringify(saved));
    const read = await InputStamps.read(join(dir, 'state'), later);
    const recorded = { ...manifest, outputs: manifest.outputs.map((o) => ({ ...o, sha256: 'recorded' })) };
    expect(await isUpToDate(dir, out, recorded, 'test', {}, read)).toBe(true);
    expect(read.recorded).toBe(false);
  });

  it('an output changed in place, same size, old mtime put back, is not up to date', async () => {
    const { dir, out, manifest } = await built('output');
    const stamps = new InputStamps(new Map(), later);
    expect(await isUpToDate(dir, out, manifest, 'test', {}, stamps)).toBe(true);
    const read = await savedAndRead(stamps, dir);
    const file = join(out, 'b.pdf');
    const before = statSync(file);
    writeFileSync(file, 'OUTPUT');
    utimesSync(file, before.atime, before.mtime);
    expect(await isUpToDate(dir, out, manifest, 'test', {}, read)).toBe(false);
  });
});
