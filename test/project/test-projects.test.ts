/**
 * The unit/e2e split of vitest.config.ts stays true: every test file that spawns the compiled
 * CLI, runs a whole build or calls an external tool is in the e2e project (which compiles
 * dist/ first), so `npm run test:unit` never runs a stale dist/ or a slow build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS, E2E, E2E_ISOLATED } from '../../vitest.config.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** What an end-to-end test does: spawn a process, run a build, reach the compiled CLI. */
const END_TO_END =
  /\bcli\(|\bbuildIn\(|\bspawnSync\(|\bspawn\(|\bexecFile(?:Sync)?\(|\brunFullBuild\(|dist\/cli|\bCLI\b/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(ROOT, path).split(sep).join('/')] : [];
  });
}

/** The globs used are a folder (`dir/**\/*.test.ts`) or one file. */
function inE2e(file: string): boolean {
  return E2E.some((glob) =>
    glob.endsWith('/**/*.test.ts') ? file.startsWith(glob.slice(0, -'**/*.test.ts'.length)) : glob === file,
  );
}

describe('the unit, documents and e2e projects', () => {
  it('put every file that spawns the CLI or runs a build in e2e', () => {
    const files = testFiles(join(ROOT, 'test'));
    expect(files.length).toBeGreaterThan(50);
    const self = relative(ROOT, import.meta.filename)
      .split(sep)
      .join('/');
    const misplaced = files.filter(
      (f) => f !== self && END_TO_END.test(readFileSync(join(ROOT, f), 'utf8')) && !inE2e(f),
    );
    expect(misplaced).toEqual([]);
  });

  it('list no e2e file that does not exist', () => {
    const files = new Set(testFiles(join(ROOT, 'test')));
    const missing = E2E.filter((glob) => !glob.includes('*') && !files.has(glob));
    expect(missing).toEqual([]);
  });

  it('isolate every e2e file that mocks a module or registers a renderer', () => {
    // The e2e files share one module graph per worker: a mock or a registered renderer would
    // reach every later file of that worker (vitest.config.ts, E2E_ISOLATED).
    const changesWhatOthersImport = /\bvi\.(?:mock|doMock)\(|registerRenderer\(|txt-renderer/;
    const e2eFiles = testFiles(join(ROOT, 'test')).filter(inE2e);
    const shared = e2eFiles.filter(
      (f) => changesWhatOthersImport.test(readFileSync(join(ROOT, f), 'utf8')) && !E2E_ISOLATED.includes(f),
    );
    expect(shared).toEqual([]);
    expect(E2E_ISOLATED.filter((f) => !e2eFiles.includes(f))).toEqual([]);
  });

  it('list documents files that exist, none of them also in e2e', () => {
    const files = new Set(testFiles(join(ROOT, 'test')));
    expect(DOCUMENTS.filter((file) => !files.has(file))).toEqual([]);
    expect(DOCUMENTS.filter((file) => inE2e(file))).toEqual([]);
  });
});
