/**
 * After a sharded build, an unsharded one publishes exactly its own build: the shard's manifest
 * is not carried into the new out/, and every file of out/ is listed in manifest.json.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtProject, cli, editDataset } from './project.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

describe('an unsharded build after a sharded one', () => {
  it("drops the shard's manifest: out/ holds exactly what manifest.json lists", () => {
    // A built copy: its shard build draws nothing, and an edit (not --force, which would draw
    // every document again) makes the unsharded build after it publish.
    const dir = builtProject();
    dirs.push(dir);
    expect(cli(dir, ['build', '--shard', '2/2']).status).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toContain('manifest-shard-2-of-2.json');
    editDataset(dir, 'amount: 1012,', 'amount: 1013,');
    const full = cli(dir, ['build']);
    expect(full.status, full.stderr).toBe(0);
    const out = join(dir, 'out');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      outputs: { path: string }[];
    };
    // index.html: the hand-out page of a full build, not listed in the manifest it is made from.
    const listed = [...manifest.outputs.map((o) => o.path), 'manifest.json', 'index.html'].sort();
    expect(filesUnder(out)).toEqual(listed);
  }, 120_000);
});
