/**
 * The guarded input reader: a FIFO, a device, a folder or an oversized file is refused before
 * anything is read (reading them would block or exhaust memory), with a FILE_* diagnostic.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';
import { readTemplateSet } from '../../src/document/template-files.js';
import {
  MAX_INPUT_BYTES,
  readInputFile,
  readInputFileSync,
  readInputTextSync,
} from '../../src/input/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'briefkit-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unix = process.platform !== 'win32';
const NOT_REGULAR_HINT =
  'give the path of a file saved on disk; briefkit does not read pipes, devices or sockets';

describe('the guarded input reader', () => {
  it.runIf(unix)('refuses a FIFO without waiting for a writer, in both readers', async () => {
    const fifo = join(dir, 'dataset.yaml');
    execFileSync('mkfifo', [fifo]);
    const expected = {
      code: 'FILE_NOT_REGULAR',
      severity: 'error',
      message: 'this is a named pipe (FIFO), not a regular file',
      file: fifo,
      hint: NOT_REGULAR_HINT,
    };
    expect(await loadDatasetFile(fifo)).toEqual({ diagnostics: [expected] });
    expect(readInputFileSync(fifo)).toEqual({ diagnostic: expected });
  });

  it.runIf(existsSync('/dev/zero'))('refuses /dev/zero and /dev/urandom (endless devices)', async () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const result = await loadDatasetFile(device);
      expect(result.diagnostics).toEqual([
        {
          code: 'FILE_NOT_REGULAR',
          severity: 'error',
          message: 'this is a character device (such as /dev/zero), not a regular file',
          file: device,
          hint: NOT_REGULAR_HINT,
        },
      ]);
      expect(readInputTextSync(device).diagnostic?.code).toBe('FILE_NOT_REGULAR');
    }
  });

  it('refuses a file over the size limit before reading it, and accepts one at the limit', async () => {
    expect(MAX_INPUT_BYTES).toBe(16 * 1024 * 1024);
    // Sparse files: no 16 MB is written to disk.
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, MAX_INPUT_BYTES + 1);
    const expected = {
      code: 'FILE_TOO_LARGE',
      severity: 'error',
      message: 'the file is larger than the limit of 16 MB',
      file: big,
      hint: 'check the path is the file you meant; an input file is text written by hand, far below this size',
    };
    expect(await loadDatasetFile(big)).toEqual({ diagnostics: [expected] });
    expect(readInputFileSync(big)).toEqual({ diagnostic: expected });
    const atLimit = join(dir, 'at-limit.yaml');
    writeFileSync(atLimit, '');
    truncateSync(atLimit, MAX_INPUT_BYTES);
    expect((await readInputFile(atLimit)).bytes?.length).toBe(MAX_INPUT_BYTES);
  });

  it('reads a regular file whole, and names a folder and a missing file as before', async () => {
    const small = join(dir, 'small.yaml');
    writeFileSync(small, 'a: 1\n');
    expect(new TextDecoder().decode((await readInputFile(small)).bytes)).toBe('a: 1\n');
    expect(readInputTextSync(small)).toEqual({ text: 'a: 1\n' });
    expect((await readInputFile(dir)).diagnostic).toMatchObject({
      code: 'FILE_NOT_FOUND',
      message: 'this is a folder, not a file',
      file: dir,
    });
    expect(readInputFileSync(join(dir, 'none.yaml')).diagnostic).toMatchObject({
      code: 'FILE_NOT_FOUND',
      message: 'no such file',
    });
  });

  it('reports a non-UTF-8 text file as FILE_NOT_UTF8 at its first bad byte', () => {
    const latin1 = join(dir, 'latin1.md.hbs');
    writeFileSync(latin1, Buffer.from([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    expect(readInputTextSync(latin1).diagnostic).toMatchObject({
      code: 'FILE_NOT_UTF8',
      file: latin1,
      line: 2,
      column: 4,
    });
  });
});

describe('templates are read through the same guard', () => {
  it('reports a template that is not UTF-8 as FILE_NOT_UTF8, with the file and the position', () => {
    const templates = join(dir, 'templates-latin1');
    mkdirSync(templates);
    // "Caf\xe9" in Windows-1252 on line 2.
    writeFileSync(join(templates, 'briefing.md.hbs'), Buffer.from('# Title\nCaf\xe9 society\n', 'latin1'));
    const { set, diagnostics } = readTemplateSet(templates, 'briefing.md.hbs', dir);
    expect(set).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        code: 'FILE_NOT_UTF8',
        severity: 'error',
        message: 'the file is not valid UTF-8 text',
        file: join('templates-latin1', 'briefing.md.hbs'),
        line: 2,
        column: 4,
        hint: 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
      },
    ]);
  });

  it.runIf(unix)('refuses a partial that is a FIFO instead of waiting on it', () => {
    const templates = join(dir, 'templates-fifo');
    mkdirSync(join(templates, 'partials'), { recursive: true });
    writeFileSync(join(templates, 'briefing.md.hbs'), '# Title\n');
    execFileSync('mkfifo', [join(templates, 'partials', 'risk.md.hbs')]);
    const { diagnostics } = readTemplateSet(templates, 'briefing.md.hbs', dir);
    expect(diagnostics).toMatchObject([
      { code: 'FILE_NOT_REGULAR', file: join('templates-fifo', 'partials', 'risk.md.hbs') },
    ]);
  });

  it('still names a missing template as such', () => {
    const { diagnostics } = readTemplateSet(join(dir, 'templates-latin1'), 'deck.md.hbs', dir);
    expect(diagnostics).toEqual([
      {
        code: 'FILE_NOT_FOUND',
        severity: 'error',
        message: 'no such template',
        file: join('templates-latin1', 'deck.md.hbs'),
        hint: 'check the template name and templates folder',
      },
    ]);
  });
});
