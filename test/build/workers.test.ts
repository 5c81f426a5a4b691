/**
 * A build on worker threads (3 generated one-pagers, the worker threshold set to 0 so the
 * worker starts whatever the estimate) gives the same bytes as the same build rendered in one
 * thread: the worker path is exercised and deterministic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVariantDataset, scalingConfig } from '../../src/bench/variants.js';
import { cli, DATASET, makeProject, ROOT, snapshot, workerThreadsIn } from './project.js';

// Three are enough for a worker and the main thread to share the work (the threshold is 0);
// eight only made both builds longer.
const COUNT = 3;

function variantsProject(count: number): string {
  const dir = makeProject();
  writeFileSync(join(dir, 'data', 'variants.yaml'), generateVariantDataset(join(ROOT, DATASET), count));
  writeFileSync(join(dir, 'bench.config.yaml'), scalingConfig());
  return dir;
}

describe('builds on worker threads', () => {
  it('render 3 one-pagers on workers byte-identical to one thread', () => {
    const threaded = variantsProject(COUNT);
    const single = variantsProject(COUNT);
    const usage = `${threaded}-usage.json`;
    const a = cli(threaded, ['build', '--config', 'bench.config.yaml', '--jobs', '2'], {
      BRIEFKIT_WORKER_MIN_MS: '0',
      BRIEFKIT_RUSAGE_FILE: usage,
    });
    const b = cli(single, ['build', '--config', 'bench.config.yaml', '--jobs', '1']);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(workerThreadsIn(usage)).toBe(1);
    const manifest = JSON.parse(readFileSync(join(threaded, 'out', 'manifest.json'), 'utf8')) as {
      outputs: { path: string }[];
    };
    expect(manifest.outputs.filter((o) => o.path.startsWith('sectors/'))).toHaveLength(COUNT);
    expect(snapshot(threaded)).toEqual(snapshot(single));
  });
});
