/** The minimal dataset of docs/dataset.md, read from the doc so that the doc cannot drift from the tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'dataset.md');

/** The YAML of the doc's "A minimal dataset" section. */
export function minimalDatasetText(): string {
  const example = /## A minimal dataset[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readFileSync(DOC, 'utf8'))?.[1];
  if (!example) throw new Error('docs/dataset.md has no minimal dataset');
  return example;
}
