import { describe, expect, it } from 'vitest';
import { hashParts, stableJson } from '../../src/pipeline/hash.js';
import { type Manifest, mergeManifests, serialiseManifest } from '../../src/pipeline/manifest.js';

const output = (path: string, job: string) => ({ path, job, bytes: 1, sha256: 'x', key: 'k', inputs: {} });
const shard = (index: number, paths: string[]): Manifest => ({
  manifestVersion: 1,
  briefkitVersion: '0.1.0',
  buildTime: '2025-07-15T00:00:00.000Z',
  inputFiles: { 'a.yaml': 'h' },
  shard: { index, count: 2 },
  outputs: paths.map((p) => output(p, p)),
});

describe('manifests', () => {
  it('serialise with sorted outputs whatever the build order', () => {
    const a = shard(1, ['b.pdf', 'a.pdf']);
    const b = shard(1, ['a.pdf', 'b.pdf']);
    expect(serialiseManifest(a)).toBe(serialiseManifest(b));
  });

  it('merge shard manifests into one without the shard field', () => {
    const merged = mergeManifests([shard(2, ['c.pdf']), shard(1, ['a.pdf', 'b.pdf'])]);
    expect(merged.problems).toEqual([]);
    expect(merged.manifest?.shard).toBeUndefined();
    expect(merged.manifest?.outputs.map((o) => o.path).sort()).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
  });

  it('refuse overlapping or missing shards', () => {
    expect(mergeManifests([shard(1, ['a.pdf']), shard(2, ['a.pdf'])]).problems).toContain(
      'a.pdf appears in more than one manifest',
    );
    expect(mergeManifests([shard(1, ['a.pdf'])]).problems).toContain('shard 2/2 is missing');
  });
});

describe('hashes', () => {
  it('do not depend on key order, and keep part boundaries', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe(stableJson({ a: { c: 3, d: 2 }, b: 1 }));
    expect(hashParts({ x: 'ab', y: 'c' })).not.toBe(hashParts({ x: 'a', y: 'bc' }));
  });
});
