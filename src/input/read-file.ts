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
import { decodeUtf8 } from './utf8.js';

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
function refuse(file: string, info: Stats, maxBytes: number): Diagnostic | undefined {
  if (info.isDirectory()) return folder(file);
  if (!info.isFile()) {
    return error('FILE_NOT_REGULAR', `this is ${kindOf(info)}, not a regular file`, {
      file,
      hint: 'give the path of a file saved on disk; briefkit does not read pipes, devices or sockets',
    });
  }
  if (info.size > maxBytes) return tooLarge(file, maxBytes);
  return undefined;
}

function tooLarge(file: string, maxBytes: number): Diagnostic {
  return error('FILE_TOO_LARGE', `the file is larger than the limit of ${maxBytes / 1024 / 1024} MB`, {
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

/** What the shared read policy asks of the open file; a driver (sync or async) answers. */
type FileRequest = { kind: 'stat' } | { kind: 'read'; buffer: Buffer };
/** A `stat` request is answered with the descriptor's Stats, a `read` with the bytes read. */
type FileAnswer = Stats | number;

/**
 * The read policy, written once for both drivers below: check the descriptor, then read
 * chunks until the end of the file or one chunk past the limit (enough to know it is too
 * large). A generator, so the sync and async readers share every step but the system calls.
 */
function* guardedRead(file: string, maxBytes: number): Generator<FileRequest, ReadResult, FileAnswer> {
  const refused = refuse(file, (yield { kind: 'stat' }) as Stats, maxBytes);
  if (refused) return { diagnostic: refused };
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total <= maxBytes) {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const bytesRead = (yield { kind: 'read', buffer }) as number;
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
  }
  if (total > maxBytes) return { diagnostic: tooLarge(file, maxBytes) };
  return { bytes: Buffer.concat(chunks, total) };
}

export interface ReadLimits {
  /** The size limit; MAX_INPUT_BYTES unless a kind of file needs another (a font). */
  maxBytes?: number;
}

/** Reads an input file's bytes, refusing what is not a regular file or is over the size limit. */
export async function readInputFile(file: string, limits: ReadLimits = {}): Promise<ReadResult> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (cause) {
    return { diagnostic: openFailed(file, cause) };
  }
  try {
    const policy = guardedRead(file, limits.maxBytes ?? MAX_INPUT_BYTES);
    let step = policy.next();
    while (!step.done) {
      const request = step.value;
      step = policy.next(
        request.kind === 'stat'
          ? await handle.stat()
          : (await handle.read(request.buffer, 0, request.buffer.length, null)).bytesRead,
      );
    }
    return step.value;
  } catch (cause) {
    return { diagnostic: openFailed(file, cause) };
  } finally {
    await handle.close();
  }
}

/** `readInputFile` for the synchronous readers (templates). */
export function readInputFileSync(file: string, limits: ReadLimits = {}): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (cause) {
    return { diagnostic: openFailed(file, cause) };
  }
  try {
    const policy = guardedRead(file, limits.maxBytes ?? MAX_INPUT_BYTES);
    let step = policy.next();
    while (!step.done) {
      const request = step.value;
      step = policy.next(
        request.kind === 'stat'
          ? fstatSync(fd)
          : readSync(fd, request.buffer, 0, request.buffer.length, null),
      );
    }
    return step.value;
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
