/**
 * The one atomic writer (pipeline/leftovers.ts `writeAtomically`), used by the build's state
 * files and by `briefkit merge-manifests`: a temporary it is told to use (the merge's lies in
 * out/ and carries the `.briefkit-` prefix, out-layout.ts), one rename, and a failure that names
 * the file as the caller shows it.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/pipeline/leftovers.js';
import { BuildWriteError } from '../../src/pipeline/write-files.js';

const folder = () => mkdtempSync(join(tmpdir(), 'briefkit-atomic-'));

describe('writeAtomically', () => {
  it('writes through <file>.<pid> by default and leaves only the file', async () => {
    const dir = folder();
    await writeAtomically(join(dir, 'state.json'), '{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe('{"a":1}\n');
  });

  it('writes through the temporary it is given, and names the file as shown on failure', async () => {
    const dir = folder();
    const temp = join(dir, '.briefkit-merge-1.tmp');
    // A folder where the temporary should go: only a writer that uses this name fails.
    await mkdir(temp);
    const failure = await writeAtomically(join(dir, 'manifest.json'), '{}', {
      temp,
      shown: 'out/manifest.json',
    }).catch((cause: unknown) => cause);
    expect(failure).toBeInstanceOf(BuildWriteError);
    const { diagnostic } = failure as BuildWriteError;
    expect(diagnostic.file).toBe('out/manifest.json');
    expect(diagnostic.message).toMatch(/^out\/manifest\.json could not be written/);
    expect(readdirSync(dir)).toEqual(['.briefkit-merge-1.tmp']);
  });

  it('removes the temporary it was given after a rename that fails', async () => {
    const dir = folder();
    const temp = join(dir, '.briefkit-merge-2.tmp');
    // The target is a non-empty folder: the rename fails after the temporary was written.
    await mkdir(join(dir, 'manifest.json', 'x'), { recursive: true });
    await expect(writeAtomically(join(dir, 'manifest.json'), '{}', { temp })).rejects.toBeInstanceOf(
      BuildWriteError,
    );
    expect(readdirSync(dir)).toEqual(['manifest.json']);
  });
});
