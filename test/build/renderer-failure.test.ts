/** A renderer that throws in the middle of a build: out/ must stay exactly as it was. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildIn, builtProject, snapshot } from './project.js';

const failing = vi.hoisted(() => ({ on: false, rendered: 0 }));

vi.mock('../../src/render/registry.js', async (importOriginal) => {
  const { registryWith } = await import('./registry-mock.js');
  return registryWith(importOriginal, (render) => {
    failing.rendered++;
    if (failing.on && failing.rendered === 3) throw new Error('renderer exploded on the third document');
    return render();
  });
});

describe('a renderer exception mid-build', () => {
  it('fails the build, removes its staging folder and leaves out/ byte-identical', async () => {
    const dir = builtProject();
    const before = snapshot(dir);
    failing.on = true;
    failing.rendered = 0;
    await expect(buildIn(dir, { force: true })).rejects.toThrow('renderer exploded on the third document');
    expect(failing.rendered).toBeGreaterThanOrEqual(3);
    expect(snapshot(dir)).toEqual(before);
    const state = join(dir, '.briefkit', 'out');
    expect(readdirSync(join(state, 'generations')).filter((f) => f.startsWith('staging-'))).toEqual([]);
    expect(existsSync(join(state, 'build.lock'))).toBe(false);
  });
});
