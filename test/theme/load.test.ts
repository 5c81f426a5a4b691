import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTheme } from '../../src/theme/load.js';

const shipped = readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'theme.yaml'), 'utf8');

function themeWith(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'briefkit-theme-')), 'theme.yaml');
  writeFileSync(file, text);
  return file;
}

describe('the theme', () => {
  it('the shipped theme loads', async () => {
    const { theme, diagnostics } = await loadTheme(themeWith(shipped));
    expect(diagnostics).toEqual([]);
    expect(theme?.fonts.family).toBe('Pretendard');
  });

  it('reports a font file that is not installed at its line, not as a crash later', async () => {
    const file = themeWith(shipped.replace(/regular: .*\n/, 'regular: pretendard/nope.ttf\n'));
    const { theme, diagnostics } = await loadTheme(file);
    expect(theme).toBeUndefined();
    expect(diagnostics).toMatchObject([
      {
        code: 'THEME_INVALID',
        file,
        line: 5,
        column: 12,
        path: 'fonts.regular',
        message: 'no file "pretendard/nope.ttf" in the installed packages',
      },
    ]);
  });

  it('reports a colour that is not #RRGGBB with its position', async () => {
    const { diagnostics } = await loadTheme(themeWith(shipped.replace('accent: "#0B3C5D"', 'accent: red')));
    expect(diagnostics).toMatchObject([{ code: 'DATA_FORMAT', path: 'colours.accent' }]);
  });
});
