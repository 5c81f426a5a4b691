/**
 * Every font file of the theme's stack is an input: a changed fallback face redraws the charts
 * and re-renders the documents (they are drawn with the stack), instead of "up to date".
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { briefingProject, buildIn, localFace, ROOT } from './project.js';

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
    const local = localFace(
      dir,
      '@expo-google-fonts/noto-sans-hebrew/700Bold/NotoSansHebrew_700Bold.ttf',
      'Hebrew-Bold.ttf',
    );
    expect((await buildIn(dir)).status).toBe('built');
    copyFileSync(hebrew('400Regular'), local);
    const again = await buildIn(dir);
    expect(again.status).toBe('built');
    expect(again.built).toContain('briefing');
    expect(again.built.some((id) => id.startsWith('chart:'))).toBe(true);
    expect(again.cached).toEqual([]);
  }, 120_000);
});
