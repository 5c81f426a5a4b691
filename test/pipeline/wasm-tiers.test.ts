/** src/pipeline/wasm-tiers.ts: the V8 flag a build sets for WebAssembly, and its opt-out. */
import { describe, expect, it } from 'vitest';
import { wasmTierFlag } from '../../src/pipeline/wasm-tiers.js';

describe('wasmTierFlag', () => {
  it('asks V8 for baseline WebAssembly code only', () => {
    expect(wasmTierFlag({})).toBe('--liftoff-only');
  });

  it('keeps V8 tiering up when BRIEFKIT_WASM_TIER_UP=1', () => {
    expect(wasmTierFlag({ BRIEFKIT_WASM_TIER_UP: '1' })).toBeUndefined();
    expect(wasmTierFlag({ BRIEFKIT_WASM_TIER_UP: '0' })).toBe('--liftoff-only');
  });
});
