/**
 * Upgrade test for src/adapters/vega.ts: fails when vega stops laying text out through the
 * text metrics the adapter replaces. After a vega upgrade, re-check the adapter, then update
 * ADAPTER_CHECKED_AGAINST.
 */
import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { useMeasuredText, vegaTextMetrics } from '../../src/adapters/vega.js';
import { ADAPTER_CHECKED_AGAINST, versions } from './pinned.js';

describe('vega adapter (upgrade test)', () => {
  it('was checked against the installed and pinned vega', () => {
    expect(versions('vega')).toEqual({
      installed: ADAPTER_CHECKED_AGAINST.vega,
      pinned: ADAPTER_CHECKED_AGAINST.vega,
    });
  });

  it('finds textMetrics.width as a writable function', () => {
    const metrics = vegaTextMetrics(vega);
    expect(typeof metrics?.width).toBe('function');
    expect(Object.getOwnPropertyDescriptor(metrics, 'width')?.writable).toBe(true);
  });

  it('lays out text marks and their limit with the installed widths', async () => {
    const asked: { text: string; size: number; bold: boolean | undefined }[] = [];
    // Every character 10 units wide: a limit of 35 keeps three characters less the ellipsis.
    useMeasuredText(vega, {
      width(text, size, bold) {
        asked.push({ text, size, bold });
        return [...text].length * 10;
      },
    });
    const view = new vega.View(
      vega.parse({
        width: 100,
        height: 20,
        marks: [
          {
            type: 'text',
            encode: {
              enter: {
                text: { value: 'abcdefgh' },
                fontSize: { value: 12 },
                fontWeight: { value: 'bold' },
                limit: { value: 35 },
              },
            },
          },
        ],
      }),
      { renderer: 'none' },
    );
    const svg = await view.toSVG();
    view.finalize();
    expect(asked.some((a) => a.text.startsWith('abc') && a.size === 12 && a.bold === true)).toBe(true);
    expect(svg).not.toContain('abcdefgh');
  });
});
