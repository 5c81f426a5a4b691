/** When a build starts workers (src/pipeline/build-threads.ts). */
import { describe, expect, it } from 'vitest';
import { workerThresholdMs } from '../../src/pipeline/build-threads.js';

describe('workerThresholdMs', () => {
  it('with --jobs given, starts workers from 1.5 s of estimated work', () => {
    expect(workerThresholdMs({})).toBe(1500);
    expect(workerThresholdMs({}, false)).toBe(1500);
  });

  it('by default (no --jobs), keeps the shipped project and 100 one-pagers in one thread', () => {
    const auto = workerThresholdMs({}, true);
    // The shipped project's cold build estimates 1,850 ms, 100 one-pagers 10,000 ms: a worker
    // measured no faster on either.
    expect(auto).toBeGreaterThan(10000);
    expect(auto).toBe(20000);
  });

  it('BRIEFKIT_WORKER_MIN_MS overrides both; anything but digits is ignored', () => {
    expect(workerThresholdMs({ BRIEFKIT_WORKER_MIN_MS: '0' }, true)).toBe(0);
    expect(workerThresholdMs({ BRIEFKIT_WORKER_MIN_MS: '0' }, false)).toBe(0);
    expect(workerThresholdMs({ BRIEFKIT_WORKER_MIN_MS: 'x' }, true)).toBe(20000);
  });
});
