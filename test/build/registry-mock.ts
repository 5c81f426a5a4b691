/**
 * The renderer registry with every renderer's `render` passed through a test's wrapper, for
 * `vi.mock('../../src/render/registry.js', ...)`. The wrapper decides, per call, whether to
 * render, add a diagnostic or throw. Imports types only, so the mock factory can load it
 * before the registry it replaces.
 */
import type * as Registry from '../../src/render/registry.js';
import type { RenderResult } from '../../src/render/registry.js';

export type RenderArgs = Parameters<Registry.Renderer['render']>;

/** Gets the real render's result (`render()`) and the call's arguments. */
export type RenderWrapper = (
  render: () => Promise<RenderResult>,
  ...args: RenderArgs
) => Promise<RenderResult>;

export async function registryWith(
  importOriginal: <T>() => Promise<T>,
  wrapper: RenderWrapper,
): Promise<typeof Registry> {
  const original = await importOriginal<typeof Registry>();
  return {
    ...original,
    rendererFor: (format: string) => {
      const renderer = original.rendererFor(format);
      return {
        ...renderer,
        render: (...args: RenderArgs) => wrapper(() => renderer.render(...args), ...args),
      };
    },
  };
}
