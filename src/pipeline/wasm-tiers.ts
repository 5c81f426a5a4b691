/**
 * How V8 compiles the build's WebAssembly (wawoff2's WOFF2 encoder for the HTML edition's fonts,
 * harfbuzzjs's subsetter for the edition's and the deck's). By default V8 starts a module in its
 * baseline compiler (Liftoff) and recompiles the functions that run hot with its optimising one
 * (TurboFan), on background threads. A build calls each module a handful of times, so that
 * recompiling costs more CPU than it saves: measured on the 2-core machine, a build of the shipped
 * project spent 0.7–1.3 s less CPU with baseline code only (CHANGELOG session 13), the bytes
 * written the same (WebAssembly's integer arithmetic is exact in either tier). A long-running
 * process that rebuilds many times (watch mode) runs each later encode somewhat slower;
 * BRIEFKIT_WASM_TIER_UP=1 keeps V8's default.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Whether the flag has been set in this process: setFlagsFromString changes the whole process
 * (its worker threads too) for its lifetime, so module scope is exactly that lifetime (as
 * heap-limits.ts's flag).
 */
let applied = false;

/** The V8 flag a build sets, or none when BRIEFKIT_WASM_TIER_UP=1 asks for V8's default. */
export function wasmTierFlag(env: Record<string, string | undefined>): string | undefined {
  return env.BRIEFKIT_WASM_TIER_UP === '1' ? undefined : '--liftoff-only';
}

/** Once per process, before any WebAssembly is compiled (a module compiled earlier keeps its tiers). */
export function baselineWasmOnly(): void {
  if (applied) return;
  applied = true;
  const flag = wasmTierFlag(process.env);
  if (flag) setFlagsFromString(flag);
}
