/**
 * UTF-8 decoding with a position for the first bad byte. Its own module, free of the yaml
 * library, so the guarded reader (read-file.ts) stays light enough for the no-op fast path
 * (src/pipeline/inputs.ts, test/cli/startup.test.ts).
 */
import { type Diagnostic, error } from '../diagnostics.js';

/** Decodes bytes as UTF-8, refusing invalid sequences instead of inserting U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; diagnostic?: Diagnostic } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return {
      diagnostic: error('FILE_NOT_UTF8', 'the file is not valid UTF-8 text', {
        file,
        ...firstBadByte(bytes),
        hint: 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
      }),
    };
  }
}

/** Line and column (in characters) of the first byte that breaks UTF-8, so the analyst can find it. */
function firstBadByte(bytes: Uint8Array): { line: number; column: number } {
  const offset = firstInvalidUtf8(bytes);
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset)).replace(/^\uFEFF/, '');
  const lines = prefix.split('\n');
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}

/** Offset of the first byte that starts an invalid or truncated UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
