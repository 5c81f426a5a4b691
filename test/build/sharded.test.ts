/**
 * Sharded builds through the compiled CLI: the shards' union is the unsharded build, and their
 * manifests merge into its manifest (a file of its own so that it runs beside
 * reproducible.test.ts, the other long file of whole builds).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtProject, cli, makeProject } from './project.js';

const read = (dir: string, file: string) => readFileSync(join(dir, 'out', file), 'utf8');

describe('sharded builds', () => {
  it('the union of all shards equals the unsharded build, with no overlap', () => {
    const full = builtProject();
    const shards = [1, 2, 3].map((i) => {
      const dir = makeProject();
      const run = cli(dir, ['build', '--shard', `${i}/3`]);
      expect(run.status, run.stderr).toBe(0);
      return {
        dir,
        manifest: JSON.parse(read(dir, `manifest-shard-${i}-of-3.json`)) as {
          outputs: { path: string; sha256: string }[];
        },
      };
    });
    const paths = shards.flatMap((s) => s.manifest.outputs.map((o) => o.path));
    expect(new Set(paths).size).toBe(paths.length);
    const fullManifest = JSON.parse(read(full, 'manifest.json')) as {
      outputs: { path: string; sha256: string }[];
    };
    expect(paths.sort()).toEqual(fullManifest.outputs.map((o) => o.path).sort());
    const bySha = new Map(fullManifest.outputs.map((o) => [o.path, o.sha256]));
    for (const s of shards)
      for (const o of s.manifest.outputs) expect(o.sha256, o.path).toBe(bySha.get(o.path));

    // Gather every shard's out/ in one and merge (README.md, "Sharding across machines"): the
    // result is the unsharded manifest.
    const gather = shards[0]?.dir as string;
    for (const s of shards.slice(1)) {
      const name = `manifest-shard-${shards.indexOf(s) + 1}-of-3.json`;
      copyFileSync(join(s.dir, 'out', name), join(gather, 'out', name));
      for (const o of s.manifest.outputs) {
        mkdirSync(dirname(join(gather, 'out', o.path)), { recursive: true });
        copyFileSync(join(s.dir, 'out', o.path), join(gather, 'out', o.path));
      }
    }
    const merged = cli(gather, [
      'merge-manifests',
      'out/manifest-shard-1-of-3.json',
      'out/manifest-shard-2-of-3.json',
      'out/manifest-shard-3-of-3.json',
    ]);
    expect(merged.status, merged.stderr).toBe(0);
    expect(read(gather, 'manifest.json')).toBe(read(full, 'manifest.json'));
  });
});
