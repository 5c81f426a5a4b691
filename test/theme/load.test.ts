import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTheme } from '../../src/theme/load.js';
import { testFonts } from '../support/theme.js';

const ROOT = join(import.meta.dirname, '..', '..');
const shipped = readFileSync(join(ROOT, 'templates', 'theme.yaml'), 'utf8');

function themeWith(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'briefkit-theme-')), 'theme.yaml');
  writeFileSync(file, text);
  return file;
}

describe('the theme', () => {
  it('the shipped theme loads', async () => {
    const { theme, diagnostics } = await loadTheme(themeWith(shipped), testFonts);
    expect(diagnostics).toEqual([]);
    expect(theme?.fonts.family).toBe('Pretendard');
  });

  it('reports a font file that is not installed at its line, not as a crash later', async () => {
    const file = themeWith(shipped.replace(/regular: .*\n/, 'regular: pretendard/nope.ttf\n'));
    const { theme, diagnostics } = await loadTheme(file, testFonts);
    expect(theme).toBeUndefined();
    expect(diagnostics).toMatchObject([
      {
        code: 'THEME_INVALID',
        file,
        line: 8,
        column: 12,
        path: 'fonts.regular',
        message: 'no file "pretendard/nope.ttf" in the installed packages',
      },
    ]);
  });

  it('reports a font file that is not a font (a text file renamed .ttf) at its line, exit-1 style', async () => {
    const fake = join(mkdtempSync(join(tmpdir(), 'briefkit-font-')), 'NotAFont.ttf');
    writeFileSync(fake, 'This is a text file with a font name.\n');
    const file = themeWith(shipped.replace(/bold: .*\n/, `bold: ${fake}\n`));
    const { theme, diagnostics } = await loadTheme(file, testFonts);
    expect(theme).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'THEME_INVALID',
        severity: 'error',
        file,
        line: 9,
        column: 9,
        path: 'fonts.bold',
        message: `"${fake}" is not a font file (TrueType or OpenType)`,
      }),
    ]);
  });

  it('reports a font cut short (a truncated download) and a licence that is not text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-font-'));
    const real = readFileSync(
      join(
        ROOT,
        'node_modules',
        'pretendard',
        'dist',
        'public',
        'static',
        'alternative',
        'Pretendard-SemiBold.ttf',
      ),
    );
    const cut = join(dir, 'Cut.ttf');
    writeFileSync(cut, real.subarray(0, real.length / 2));
    const binary = join(dir, 'LICENSE.txt');
    writeFileSync(binary, real.subarray(0, 4000));
    const file = themeWith(
      shipped
        .replace(/semibold: .*\n/, `semibold: ${cut}\n`)
        .replace(/licence: .*\n/, `licence: ${binary}\n`),
    );
    const { diagnostics } = await loadTheme(file, testFonts);
    expect(diagnostics.map((d) => [d.code, d.path, d.line, d.message])).toEqual([
      [
        'THEME_INVALID',
        'fonts.semibold',
        10,
        `"${cut}" is cut short (its tables run past the end of the file)`,
      ],
      ['THEME_INVALID', 'fonts.licence', 13, `"${binary}" is not UTF-8 text`],
    ]);
  });

  it('reports a colour that is not #RRGGBB with its position', async () => {
    const { diagnostics } = await loadTheme(
      themeWith(shipped.replace('accent: "#0B3C5D"', 'accent: red')),
      testFonts,
    );
    expect(diagnostics).toMatchObject([{ code: 'DATA_FORMAT', path: 'colours.accent' }]);
  });
});
