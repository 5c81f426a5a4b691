/** How a companion evidence file's title starts: "Evidence and data: <the briefing's title>". */
export const EVIDENCE_PREFIX = 'Evidence and data: ';

/**
 * The sentence a document's sources list gives for its companion evidence file, one wording for
 * every format (render/pdf/back-matter.ts, render/html/document.ts); undefined when the companion
 * holds nothing this document has.
 */
export function companionSentence(data: boolean, quotes: boolean, file: string): string | undefined {
  if (!data && !quotes) return undefined;
  const what =
    data && quotes
      ? 'The data behind each figure and the sentences this document cites from each source'
      : data
        ? 'The data behind each figure'
        : 'The sentences this document cites from each source';
  return `${what} are in the companion file ${file}.`;
}
