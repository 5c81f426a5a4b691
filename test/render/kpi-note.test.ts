import { describe, expect, it } from 'vitest';
import { kpiNote, noteRepeatsLabel } from '../../src/render/kpi-note.js';

describe('KPI notes', () => {
  it('drops a note that only repeats the label', () => {
    const label = 'Industrial robot density (robots per 10,000 manufacturing workers), 2023';
    expect(noteRepeatsLabel(label, 'Industrial robots per 10,000 manufacturing workers')).toBe(true);
    expect(kpiNote(label, 'Industrial robots per 10,000 manufacturing workers')).toBeUndefined();
  });

  it('keeps a note that says something new', () => {
    const label = 'Share of global semiconductor production, 2023';
    expect(kpiNote(label, 'Samsung Electronics and SK Hynix')).toBe('Samsung Electronics and SK Hynix');
    // One new word is enough to keep it.
    expect(kpiNote('Robot density, 2023', 'Robots per 10,000 workers')).toBe('Robots per 10,000 workers');
    expect(kpiNote('Robot density', undefined)).toBeUndefined();
    expect(kpiNote('Robot density', '')).toBeUndefined();
  });

  it('compares Hangul words too', () => {
    expect(noteRepeatsLabel('로봇 밀도 (로봇 수), 2023', '로봇 밀도')).toBe(true);
    expect(noteRepeatsLabel('로봇 밀도, 2023', '제조업 노동자')).toBe(false);
  });
});
