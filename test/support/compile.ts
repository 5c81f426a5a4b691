/**
 * Vitest global setup: compiles src/ to dist/ once before any test, so tests that spawn the
 * CLI (dist/cli/main.js) never run yesterday's build after an edit (`npx vitest run` alone).
 * The native TypeScript compiler takes about a second.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { NESTED_RUN } from './nested-run.js';
import { once } from './once.js';

export default async function compile(): Promise<() => void> {
  // A vitest run inside a test (test/render/tools.test.ts): the outer run compiled dist/, and
  // its other tests are running the CLI from it while this one runs.
  if (process.env[NESTED_RUN] === '1') return () => {};
  const root = join(import.meta.dirname, '..', '..');
  // Both e2e projects name this setup: dist/ is compiled once per run.
  const { release } = await once('compile', async () => {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  });
  return release;
}
