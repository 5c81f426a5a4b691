import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticPackageImports } from '../support/static-imports.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('start-up cost of the briefkit command', () => {
  it('reaches no third-party package statically: a no-op build imports none of them', () => {
    // The no-op fast path (src/cli/build-command.ts) must not pay for yaml, zod, vega, pdfkit or pptxgenjs;
    // every command loads what it needs with `await import()`.
    const { files, packages } = staticPackageImports(join(ROOT, 'src', 'cli', 'main.ts'));
    expect(files.size).toBeGreaterThan(4);
    expect(packages).toEqual([]);
  });
});
