/**
 * A build reads the theme's font files as they are when it starts: two builds in one process
 * (as `briefkit build --watch` runs them) with a font file changed in between draw the second
 * with the new file. Font bytes, parsed fonts and stacks live in a session made per build
 * (theme/build-fonts.ts), not in module scope, where the second build drew with the first's
 * bytes under the new file's cache key.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { briefingProject, buildIn, localFace, ROOT } from './project.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const pretendard = (weight: string) =>
  join(
    ROOT,
    'node_modules',
    'pretendard',
    'dist',
    'public',
    'static',
    'alternative',
    `Pretendard-${weight}.ttf`,
  );

/** The fonts a PDF embeds, by PostScript name (`/BaseFont /ABCDEF+Name`). */
function embeddedFonts(pdf: string): string[] {
  const text = readFileSync(pdf).toString('latin1');
  return [...new Set([...text.matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1] ?? ''))].sort();
}

describe('font files in a build session', () => {
  it('a second build in the same process draws with the font file as it is now', async () => {
    const dir = briefingProject();
    dirs.push(dir);
    // A local primary face (beside the theme file): the test changes the file, not its name.
    const local = localFace(
      dir,
      'pretendard/dist/public/static/alternative/Pretendard-Regular.ttf',
      'Body-Regular.ttf',
    );

    expect((await buildIn(dir)).status).toBe('built');
    expect(embeddedFonts(join(dir, 'out', 'briefing.pdf'))).toEqual([
      'Pretendard-Bold',
      'Pretendard-Regular',
    ]);

    copyFileSync(pretendard('Light'), local);
    const again = await buildIn(dir);
    expect(again.status).toBe('built');
    expect(again.built).toContain('briefing');
    expect(embeddedFonts(join(dir, 'out', 'briefing.pdf'))).toEqual(['Pretendard-Bold', 'Pretendard-Light']);
  }, 120_000);
});
