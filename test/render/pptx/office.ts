/**
 * LibreOffice for the deck tests: one private profile and one private fontconfig per run, so a
 * test sees exactly the fonts it names (libreoffice.test.ts, scripts.test.ts,
 * embedded-fonts-office.test.ts).
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface FontSetup {
  /** Folders of font files LibreOffice may use. */
  dirs: readonly string[];
  /** Also the machine's own fonts (/etc/fonts/fonts.conf); false: only `dirs`. */
  system?: boolean;
}

/** A fontconfig file in `dir` that gives exactly these fonts, with its own cache. */
export function fontConfig(dir: string, fonts: FontSetup, name = 'fonts.conf'): string {
  const file = join(dir, name);
  const system = fonts.system ? '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' : '';
  const dirs = [...new Set(fonts.dirs)].map((d) => `<dir>${d}</dir>`).join('');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>${system}${dirs}` +
      `<cachedir>${join(dir, `${name}-cache`)}</cachedir></fontconfig>`,
  );
  return file;
}

export interface Converted {
  run: SpawnSyncReturns<string>;
  /** The PDF LibreOffice wrote (outDir/<deck name>.pdf). */
  pdf: string;
}

/** `soffice --convert-to pdf` of `deck` into `outDir`, under `work`'s own profile and font setup. */
export function sofficePdf(
  deck: string,
  outDir: string,
  work: string,
  fonts: FontSetup,
  tag = 'lo',
): Converted {
  mkdirSync(outDir, { recursive: true });
  const run = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(work, `${tag}-profile`)).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      deck,
    ],
    {
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, FONTCONFIG_FILE: fontConfig(work, fonts, `${tag}-fonts.conf`) },
    },
  );
  return { run, pdf: join(outDir, `${basename(deck).replace(/\.pptx$/i, '')}.pdf`) };
}

/** The font names pdffonts lists, without their subset prefix (ABCDEF+). */
export function pdfFontNames(pdf: string): string[] {
  const listing = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
  return [...new Set(listing.map((line) => (line.split(/\s+/)[0] ?? '').replace(/^[A-Z]{6}\+/, '')))].sort();
}
