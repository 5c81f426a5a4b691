/**
 * Atomic publish: outputs are written to a staging folder beside out/; only when every
 * job succeeded is each file moved into out/ by rename. A failed build removes its staging
 * folder and leaves out/ exactly as it was.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export class Staging {
  private readonly files = new Set<string>();
  constructor(readonly dir: string) {}

  static async create(stateDir: string): Promise<Staging> {
    const dir = join(stateDir, `staging-${process.pid}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    return new Staging(dir);
  }

  pathOf(relative: string): string {
    return join(this.dir, relative);
  }

  /** Records a file a worker wrote into the staging folder. */
  add(relative: string): void {
    this.files.add(relative);
  }

  async write(relative: string, bytes: Uint8Array | string): Promise<void> {
    const target = this.pathOf(relative);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    this.add(relative);
  }

  /** Moves every staged file into outDir (each by rename), then removes the staging folder. */
  async publish(outDir: string): Promise<string[]> {
    const moved = [...this.files].sort();
    for (const relative of moved) {
      const target = join(outDir, relative);
      await mkdir(dirname(target), { recursive: true });
      await rename(this.pathOf(relative), target);
    }
    await this.discard();
    return moved;
  }

  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Removes staging folders left by killed builds (called while holding the lock). */
export async function removeStaleStaging(stateDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(stateDir);
  } catch {
    return;
  }
  await Promise.all(
    entries
      .filter((e) => e.startsWith('staging-'))
      .map((e) => rm(join(stateDir, e), { recursive: true, force: true })),
  );
}
