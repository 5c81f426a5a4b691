/**
 * Is a quote in another language than the output? Told by script, which needs no language
 * detector: a quote mostly in Han, kana or Hangul letters under an English output is another
 * language (and needs its translation); "Semiconductors and displays | 반도체·디스플레이" is not.
 */

const SCRIPTS = [
  'Latin',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Cyrillic',
  'Arabic',
  'Hebrew',
  'Devanagari',
  'Thai',
  'Greek',
] as const;
type Script = (typeof SCRIPTS)[number];
const PATTERNS = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);
/** Scripts that write one language together: Japanese mixes Han and kana. */
const FAMILY: Readonly<Record<Script, string>> = {
  Latin: 'Latin',
  Han: 'CJK',
  Hiragana: 'CJK',
  Katakana: 'CJK',
  Hangul: 'Hangul',
  Cyrillic: 'Cyrillic',
  Arabic: 'Arabic',
  Hebrew: 'Hebrew',
  Devanagari: 'Devanagari',
  Thai: 'Thai',
  Greek: 'Greek',
};

/** A letter's weight: a Han character stands for a word, a kana or Hangul block for a syllable. */
const WEIGHT: Partial<Record<Script, number>> = { Han: 3, Hiragana: 2, Katakana: 2, Hangul: 2 };

function scriptOf(char: string): Script | undefined {
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? 'Latin' : undefined;
  for (const [script, pattern] of PATTERNS) if (pattern.test(char)) return script;
  return undefined;
}

/** The script family most letters of the text are in. */
export function mainScript(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const char of text) {
    const script = scriptOf(char);
    if (!script) continue;
    const family = FAMILY[script];
    counts.set(family, (counts.get(family) ?? 0) + (WEIGHT[script] ?? 1));
  }
  let best: string | undefined;
  let most = 0;
  for (const [family, count] of counts) {
    if (count > most) {
      best = family;
      most = count;
    }
  }
  return best;
}

/** The script family of an output language, from its BCP 47 tag (en → Latin, ja → CJK, ko → Hangul). */
export function scriptOfLanguage(tag: string): string | undefined {
  try {
    const script = new Intl.Locale(tag).maximize().script;
    if (script === 'Latn') return 'Latin';
    if (script === 'Jpan' || script === 'Hans' || script === 'Hant' || script === 'Hani') return 'CJK';
    if (script === 'Kore') return 'Hangul';
    if (script === 'Cyrl') return 'Cyrillic';
    if (script === 'Arab') return 'Arabic';
    if (script === 'Hebr') return 'Hebrew';
    if (script === 'Deva') return 'Devanagari';
    if (script === 'Thai') return 'Thai';
    if (script === 'Grek') return 'Greek';
    return script;
  } catch {
    return undefined;
  }
}
