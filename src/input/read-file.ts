/**
 * The one guarded way briefkit reads an input file (dataset, config, theme, template, chart
 * spec): only a regular file, and at most MAX_INPUT_BYTES of it. A FIFO, a device such as
 * /dev/zero, or a huge file would otherwise block or exhaust memory before any check ran.
 *
 * The checks are made on the opened descriptor (fstat), not on the path, so the file that is
 * checked is the file that is read; and the read itself stops past the limit, so a file that
 * grows after the check (or reports size 0, like those under /proc) is still bounded.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { type Diagnostic, error } from '../diagnostics.js';
import { decodeUtf8 } from './yaml.js';

/** 16 MiB: many times the largest dataset, template or spec a team writes by hand. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

/** The message of a missing file, for callers that word it for their kind of file. */
export const NO_SUCH_FILE = 'no such file';

/**
 * O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever. On a regular
 * file it changes nothing. Windows has no such flag (and no FIFOs by path).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export interface ReadResult {
  bytes?: Uint8Array;
  diagnostic?: Diagnostic;
}

export interface TextResult {
  text?: string;
  diagnostic?: Diagnostic;
}

/** What kind of file `info` is, in words, when it is not a regular file. */
function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device (such as /dev/zero)';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

function folder(file: string): Diagnostic {
  // FILE_NOT_FOUND, as before the guard: docs/dataset.md lists a folder under it.
  return error('FILE_NOT_FOUND', 'this is a folder, not a file', {
    file,
    hint: 'check the path and that the file exists',
  });
}

/** The diagnostic for a descriptor that must not be read, or undefined when it may be. */
function refuse(file: string, info: Stats): Diagnostic | undefined {
  if (info.isDirectory()) return folder(file);
  if (!info.isFile()) {
    return error('FILE_NOT_REGULAR', `this is ${kindOf(info)}, not a regular file`, {
      file,
      hint: 'give the path of a file saved on disk; briefkit does not read pipes, devices or sockets',
    });
  }
  if (info.size > MAX_INPUT_BYTES) return tooLarge(file);
  return undefined;
}

function tooLarge(file: string): Diagnostic {
  return error('FILE_TOO_LARGE', `the file is larger than the limit of ${MAX_INPUT_BYTES / 1024 / 1024} MB`, {
    file,
    hint: 'check the path is the file you meant; an input file is text written by hand, far below this size',
  });
}

function openFailed(file: string, cause: unknown): Diagnostic {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return folder(file);
  if (code === 'ENXIO') {
    // open(2) on a socket fails with ENXIO.
    return error('FILE_NOT_REGULAR', 'this is a socket or device, not a regular file', {
      file,
      hint: 'give the path of a file saved on disk; briefkit does not read pipes, devices or sockets',
    });
  }
  return error(
    'FILE_NOT_FOUND',
    code === 'ENOENT' ? NO_SUCH_FILE : `cannot read the file (${code ?? 'error'})`,
    {
      file,
      hint: 'check the path and that the file exists',
    },
  );
}

/** Joins chunks; undefined when they pass the limit. */
function joined(chunks: Uint8Array[], total: number): Uint8Array | undefined {
  if (total > MAX_INPUT_BYTES) return undefined;
  return Buffer.concat(chunks, total);
}

/** Reads an input file's bytes, refusing what is not a regular file or is over the size limit. */
export async function readInputFile(file: string): Promise<ReadResult> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (cause) {
    return { diagnostic: openFailed(file, cause) };
  }
  try {
    const refused = refuse(file, await handle.stat());
    if (refused) return { diagnostic: refused };
    const chunks: Uint8Array[] = [];
    let total = 0;
    // Stop one chunk past the limit: enough to know the file is too large.
    while (total <= MAX_INPUT_BYTES) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(CHUNK_BYTES), 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    const bytes = joined(chunks, total);
    return bytes ? { bytes } : { diagnostic: tooLarge(file) };
  } catch (cause) {
    return { diagnostic: openFailed(file, cause) };
  } finally {
    await handle.close();
  }
}

/** `readInputFile` for the synchronous readers (templates). */
export function readInputFileSync(file: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (cause) {
    return { diagnostic: openFailed(file, cause) };
  }
  try {
    const refused = refuse(file, fstatSync(fd));
    if (refused) return { diagnostic: refused };
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (total <= MAX_INPUT_BYTES) {
      const buffer = Buffer.alloc(CHUNK_BYTES);
      const bytesRead = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    const bytes = joined(chunks, total);
    return bytes ? { bytes } : { diagnostic: tooLarge(file) };
  } catch (cause) {
    return { diagnostic: openFailed(file, cause) };
  } finally {
    closeSync(fd);
  }
}

/** Reads an input file as UTF-8 text (byte-order mark dropped), with the guard above. */
export async function readInputText(file: string): Promise<TextResult> {
  const read = await readInputFile(file);
  return read.bytes ? decodeUtf8(read.bytes, file) : { diagnostic: read.diagnostic };
}

/** `readInputText` for the synchronous readers (templates). */
export function readInputTextSync(file: string): TextResult {
  const read = readInputFileSync(file);
  return read.bytes ? decodeUtf8(read.bytes, file) : { diagnostic: read.diagnostic };
}
