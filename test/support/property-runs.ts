/**
 * How many cases a property test runs. The suite run after every edit (`npm run test:unit`)
 * runs the shallow count; `BRIEFKIT_DEEP_PROPERTIES=1` runs the deep count, for a nightly or a
 * hunt (`BRIEFKIT_DEEP_PROPERTIES=1 npx vitest run test/dataset/property.test.ts`).
 *
 * Only a property whose shallow run still exercises every branch it is about takes a shallow
 * count; each caller says why in a comment. The seed is random on every run (FC_SEED replays
 * one), so the shallow runs of many test runs add up to a deep one over time.
 */
export const DEEP_PROPERTIES = process.env.BRIEFKIT_DEEP_PROPERTIES === '1';

export function propertyRuns(shallow: number, deep: number): number {
  return DEEP_PROPERTIES ? deep : shallow;
}
