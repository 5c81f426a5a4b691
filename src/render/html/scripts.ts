/**
 * lang and dir for text in another script than the document's: a run of Hangul, Arabic, Hebrew,
 * Devanagari or Han/Kana in (say) an English briefing is marked so screen readers switch voice
 * and right-to-left runs are laid out right to left.
 */
import { escapeHtml } from './escape.js';

const SCRIPTS: { pattern: RegExp; lang: string; rtl?: boolean }[] = [
  { pattern: /\p{Script=Hangul}/u, lang: 'ko' },
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, lang: 'ja' },
  { pattern: /\p{Script=Han}/u, lang: 'zh' },
  { pattern: /\p{Script=Arabic}/u, lang: 'ar', rtl: true },
  { pattern: /\p{Script=Hebrew}/u, lang: 'he', rtl: true },
  { pattern: /\p{Script=Devanagari}/u, lang: 'hi' },
];

const OTHER_RUN =
  /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}][\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Common}\p{Script=Inherited}]*/gu;

const RTL_LANGS = new Set(['ar', 'he', 'fa', 'ur']);

/** The primary subtag of a BCP 47 tag. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? 'en';
}

export function directionOf(tag: string): 'rtl' | 'ltr' {
  return RTL_LANGS.has(primaryLanguage(tag)) ? 'rtl' : 'ltr';
}

/** Text escaped, its runs in other scripts wrapped in <span lang dir>. */
export function scriptText(text: string, documentLanguage: string): string {
  const base = primaryLanguage(documentLanguage);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(OTHER_RUN)) {
    const run = match[0].replace(/[\s\p{P}]+$/u, '');
    const at = match.index ?? 0;
    const kind = SCRIPTS.find((s) => s.pattern.test(run));
    const lang = kind?.lang === 'zh' && base === 'ja' ? 'ja' : kind?.lang;
    if (!kind || !lang || lang === base) continue;
    out += escapeHtml(text.slice(last, at));
    const dir = kind.rtl ? ' dir="rtl"' : '';
    out += `<span lang="${lang}"${dir}>${escapeHtml(run)}</span>`;
    last = at + run.length;
  }
  return out + escapeHtml(text.slice(last));
}
