import { describe, expect, it } from 'vitest';
import { withAccessibleName } from '../../src/charts/draw-charts.js';

describe('chart SVG files name themselves', () => {
  it('carry the title and the alt text as <title> and <desc>, escaped, right after <svg>', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>';
    const named = withAccessibleName(svg, 'R&D <2028>', 'Budgets "as stated"');
    expect(named).toBe(
      '<svg role="img" xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>R&amp;D &lt;2028&gt;</title><desc>Budgets &quot;as stated&quot;</desc><rect/></svg>',
    );
  });
});
