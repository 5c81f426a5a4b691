/**
 * Every font file of the theme's stack is an input: a changed fallback face redraws the charts
 * and re-renders the documents (they are drawn with the stack), instead of "up to date".
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { briefingProject, buildIn, ROOT } from './project.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the font stack as a build input', () => {
  it('a changed fallback font file rebuilds charts and documents', async () => {
    // The briefing and its charts: enough documents to show that both kinds are rebuilt.
    const dir = briefingProject();
    dirs.push(dir);
    const hebrew = (weight: string) =>
      join(
        ROOT,
        'node_modules',
        '@expo-google-fonts',
        'noto-sans-hebrew',
        weight,
        `NotoSansHebrew_${weight}.ttf`,
      );
    // A local face (beside the theme file), so the test can change the file and not its name.
    mkdirSync(join(dir, 'templates', 'fonts'));
    const local = join(dir, 'templates', 'fonts', 'Hebrew-Bold.ttf');
    copyFileSync(hebrew('700Bold'), local);
    const theme = join(dir, 'templates', 'theme.yaml');
    const text = readFileSync(theme, 'utf8');
    const changed = text.replace(
      '"@expo-google-fonts/noto-sans-hebrew/700Bold/NotoSansHebrew_700Bold.ttf"',
      './fonts/Hebrew-Bold.ttf',
    );
    expect(changed).not.toBe(text);
    writeFileSync(theme, changed);
    expect((await buildIn(dir)).status).toBe('built');
    copyFileSync(hebrew('400Regular'), local);
    const again = await buildIn(dir);
    expect(again.status).toBe('built');
    expect(again.built).toContain('briefing');
    expect(again.built.some((id) => id.startsWith('chart:'))).toBe(true);
    expect(again.cached).toEqual([]);
  }, 120_000);
});
