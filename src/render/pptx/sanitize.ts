/**
 * XML safety: pptxgenjs escapes `<&>"'` but passes every other character through, so a control
 * character or a lone surrogate from the dataset would make a part ill-formed and PowerPoint
 * refuse the whole file. Every string is cleaned here before it reaches pptxgenjs.
 */

/** XML 1.0 `Char` for a BMP code unit that is not a surrogate. */
function legalUnit(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Removes XML-illegal characters (C0 controls but tab/LF/CR, U+FFFE/FFFF) and unpaired surrogates. */
export function xmlSafe(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHigh(code)) {
      if (isLow(text.charCodeAt(i + 1))) {
        out += text.slice(i, i + 2);
        i++;
      }
    } else if (!isLow(code) && legalUnit(code)) {
      out += text[i];
    }
  }
  return out;
}

/** xmlSafe, and runs of whitespace (including tab/LF/CR) collapsed, for single-line text. */
export function oneLine(text: string): string {
  return xmlSafe(text).replace(/\s+/g, ' ').trim();
}
