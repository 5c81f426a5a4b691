/**
 * The PDF shaping store between builds (render/pdf/shaping-store.ts), kept in the build's
 * state folder beside its lock. Each thread loads it before its first PDF; the main thread
 * saves what it shaped after a successful build. A missing or broken store only costs time.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Theme } from '../theme/schema.js';

export interface ShapingSetup {
  theme: Theme;
  /** Where the store lives; its name carries the font files' hash. Absent: no store. */
  shapingFile?: string;
}

let loaded: Promise<void> | undefined;
let shapedHere = false;

/** Before this thread's first PDF: load the stored runs (once). */
export function loadShapingOnce(setup: ShapingSetup): Promise<void> {
  shapedHere = true;
  loaded ??= (async () => {
    if (!setup.shapingFile) return;
    try {
      const data: unknown = JSON.parse(await readFile(setup.shapingFile, 'utf8'));
      const [{ importShaping }, { parsedThemeFonts }] = await Promise.all([
        import('../render/pdf/shaping-store.js'),
        import('../render/pdf/fonts.js'),
      ]);
      importShaping(parsedThemeFonts(setup.theme), data);
    } catch {
      // No store yet, or an unreadable one: shape from scratch.
    }
  })();
  return loaded;
}

/** After a successful build: save what this thread shaped (atomically). */
export async function saveShaping(setup: ShapingSetup): Promise<void> {
  if (!shapedHere || !setup.shapingFile) return;
  const [{ exportShaping }, { parsedThemeFonts }] = await Promise.all([
    import('../render/pdf/shaping-store.js'),
    import('../render/pdf/fonts.js'),
  ]);
  const text = JSON.stringify(exportShaping(parsedThemeFonts(setup.theme)));
  try {
    await mkdir(dirname(setup.shapingFile), { recursive: true });
    await writeFile(`${setup.shapingFile}.tmp`, text);
    await rename(`${setup.shapingFile}.tmp`, setup.shapingFile);
  } catch {
    // A cache that cannot be written is not a failed build.
  }
}
