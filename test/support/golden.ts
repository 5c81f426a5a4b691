/**
 * Golden files at stage boundaries (principle 7). `UPDATE_GOLDEN=1 npm run test:update`
 * rewrites them; a reviewer reads the diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export const GOLDEN_DIR = join(import.meta.dirname, '..', 'golden');

export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`golden file ${name} is missing: run "npm run test:update" and review the new file`);
  }
  expect(
    actual,
    `output differs from golden ${name}; if intended, run "npm run test:update" and review the diff`,
  ).toBe(readFileSync(file, 'utf8'));
}
