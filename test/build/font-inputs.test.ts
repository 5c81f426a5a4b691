/**
 * Every font file of the theme's stack is an input: a changed fallback face redraws the charts
 * and re-renders the documents (they are drawn with the stack), instead of "up to date".
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIn, makeProject } from './project.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the font stack as a build input', () => {
  it('a changed fallback face rebuilds charts and documents', async () => {
    const dir = makeProject();
    dirs.push(dir);
    expect((await buildIn(dir)).status).toBe('built');
    const theme = join(dir, 'templates', 'theme.yaml');
    const text = readFileSync(theme, 'utf8');
    const changed = text.replace(
      'noto-sans-hebrew/700Bold/NotoSansHebrew_700Bold.ttf',
      'noto-sans-hebrew/400Regular/NotoSansHebrew_400Regular.ttf',
    );
    expect(changed).not.toBe(text);
    writeFileSync(theme, changed);
    const again = await buildIn(dir);
    expect(again.status).toBe('built');
    expect(again.built).toContain('briefing');
    expect(again.built.some((id) => id.startsWith('chart:'))).toBe(true);
    expect(again.cached).toEqual([]);
  }, 120_000);
});
