/**
 * Set (to "1") in the environment of a vitest run that a test starts (test/render/tools.test.ts):
 * the outer run's global setup has compiled dist/, so the inner one neither compiles again
 * (which would rewrite dist/ under the outer run's CLI processes) nor builds the shared
 * baselines, which the files it runs do not copy (test/build/project.ts refuses a copy then).
 */
export const NESTED_RUN = 'BRIEFKIT_TEST_NESTED_RUN';
