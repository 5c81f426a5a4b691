/**
 * Which web addresses briefkit writes as live links: `https:` and `http:` only. The dataset
 * schema refuses any other `sources[].url`, and every renderer filters links with this same
 * function, so a `file:`, `javascript:`, `smb:` or `data:` address never becomes a link.
 * No dependencies: the bottom layer, importable from anywhere.
 */

const SAFE_SCHEME = /^https?:\/\//i;

/**
 * Whitespace, control and invisible format characters (\p{Cf}: zero-width spaces, bidi
 * overrides): a viewer may strip or reorder them ("java\tscript:"), so a link holding one is
 * not the link that was checked, nor the one a reader sees. Quotes, angle brackets, backslashes
 * and backticks would break out of the PDF string or the deck's XML attribute around the link.
 */
const UNSAFE_CHARACTERS = /[\s\p{Cc}\p{Cf}"<>\\`]/u;

/** True when `url` is an absolute `http:` or `https:` address with a host, written as it is parsed. */
export function isSafeLink(url: string): boolean {
  if (!SAFE_SCHEME.test(url) || UNSAFE_CHARACTERS.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
}

/** The schemes isSafeLink accepts, for messages. */
export const SAFE_LINK_SCHEMES = ['https:', 'http:'] as const;
