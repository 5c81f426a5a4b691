/**
 * The fonts one build reads: each font file's bytes, read once; each parsed once (the fontkit
 * adapter's FontSession); the theme's font stack, made once. An explicit object, made per
 * build by the pipeline (and by each worker thread, which lives for one build) and handed
 * down to the theme check, the glyph check, the charts and the renderers: nothing is kept in
 * module scope, so a build in a long-running process (`briefkit build --watch`) reads the
 * font files as they are when it starts, not as an earlier build found them
 * (test/build/font-session.test.ts).
 */
import { readFileSync } from 'node:fs';
import { type Font, FontSession } from '../adapters/fontkit.js';
import { type FontFiles, themeFontFiles } from './font-files.js';
import type { Theme } from './schema.js';
import { type FontStack, makeFontStack, stackKey } from './stack.js';

export class BuildFonts {
  readonly #parsed = new FontSession();
  readonly #bytesByPath = new Map<string, Buffer>();
  readonly #stacks = new Map<string, FontStack>();

  /** A font file's bytes, read once in this session: the theme check and the renderers share them. */
  read(path: string): Buffer {
    let bytes = this.#bytesByPath.get(path);
    if (!bytes) {
      bytes = readFileSync(path);
      this.#bytesByPath.set(path, bytes);
    }
    return bytes;
  }

  /** The parsed font of these bytes, once in this session (every user warms the same glyph caches). */
  parse(bytes: Buffer): Font {
    return this.#parsed.open(bytes);
  }

  /** The font file at `path`, read and parsed once in this session. */
  open(path: string): Font {
    return this.parse(this.read(path));
  }

  /** The theme's font stack, made once in this session per set of files. */
  stack(theme: Theme): FontStack {
    const key = stackKey(theme);
    let stack = this.#stacks.get(key);
    if (!stack) {
      stack = makeFontStack(theme, (path) => this.open(path));
      this.#stacks.set(key, stack);
    }
    return stack;
  }

  /** The primary face's files, their bytes and the licence text. */
  themeFiles(theme: Theme): FontFiles {
    return themeFontFiles(theme, (path) => this.read(path));
  }
}
