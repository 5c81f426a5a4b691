/** The scaling bench's generated datasets are read by briefkit as they are (no refused YAML). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVariantDataset } from '../../src/bench/variants.js';
import { parseYaml } from '../../src/input/yaml.js';

const SHIPPED = join(import.meta.dirname, '..', '..', 'data', 'korea-emerging-tech.yaml');

describe('the bench variant generator', () => {
  it('writes 1,000 variants without YAML aliases (briefkit refuses many: YAML_ALIAS_LIMIT)', () => {
    const text = generateVariantDataset(SHIPPED, 1000);
    expect(text).not.toMatch(/(^|[:\-[,]\s*)[&*][A-Za-z0-9]/m);
    const parsed = parseYaml(text, 'variants.yaml');
    expect(parsed.diagnostics).toEqual([]);
  });
});
