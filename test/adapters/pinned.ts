import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/** The version installed in node_modules and the one package.json pins. */
export function versions(pkg: string): { installed: string; pinned: string } {
  const installed = (
    JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  return { installed, pinned: manifest.dependencies[pkg] ?? '' };
}

export const ADAPTER_CHECKED_AGAINST = {
  fontkit: '2.0.4',
  vega: '6.4.0',
  pdfkit: '0.20.2',
  harfbuzzjs: '1.6.4',
} as const;
