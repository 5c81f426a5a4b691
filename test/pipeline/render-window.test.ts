/** The documents a build has under way at once (src/pipeline/render-window.ts). */
import { describe, expect, it } from 'vitest';
import { createWindow } from '../../src/pipeline/render-window.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createWindow', () => {
  it('never has more than its size under way, and starts them in the order given', async () => {
    const window = createWindow(3);
    let active = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        window.run(async () => {
          started.push(i);
          active++;
          most = Math.max(most, active);
          for (let t = 0; t < (i % 4) + 1; t++) await tick();
          active--;
          return i * 2;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });

  it('a failed or throwing task frees its place and fails only its own promise', async () => {
    const window = createWindow(1);
    const failed = window.run(() => Promise.reject(new Error('no')));
    const thrown = window.run(() => {
      throw new Error('thrown');
    });
    const next = window.run(async () => 'next');
    await expect(failed).rejects.toThrow('no');
    await expect(thrown).rejects.toThrow('thrown');
    await expect(next).resolves.toBe('next');
  });

  it('a size below one still runs everything, one at a time', async () => {
    const window = createWindow(0);
    await expect(Promise.all([window.run(async () => 1), window.run(async () => 2)])).resolves.toEqual([
      1, 2,
    ]);
  });
});
