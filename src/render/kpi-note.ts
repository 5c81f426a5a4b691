/**
 * A KPI's note (the indicator's subject) is worth a line only when it says something the label
 * does not: "Industrial robots per 10,000 manufacturing workers" under "Industrial robot density
 * (robots per 10,000 manufacturing workers)" only repeats it. Shared by the PDF and the deck.
 */

/** Lower-case words, a plural "s" dropped, so "robots" and "robot" count as one word. */
function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N},.%-]*/gu) ?? []).map((w) =>
    w.replace(/[,.]$/, '').replace(/(?<=\p{L}{3})s$/u, ''),
  );
}

/** True when every word of `note` already appears in `label`. */
export function noteRepeatsLabel(label: string, note: string): boolean {
  const said = new Set(words(label));
  const noteWords = words(note);
  return noteWords.length > 0 && noteWords.every((w) => said.has(w));
}

/** The note to show under a KPI label, or undefined when it would only repeat the label. */
export function kpiNote(label: string, note: string | undefined): string | undefined {
  return note && !noteRepeatsLabel(label, note) ? note : undefined;
}
