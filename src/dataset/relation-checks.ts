/**
 * Checks of the relation records (src/dataset/relations.ts) beyond their shape: an instrument
 * named "other" says what it is, a figure is part of a figure that exists, is not part of itself
 * (directly or round a cycle), and is not larger than its whole. Like references.ts, it reads
 * the data defensively, so it also runs after a failed shape check.
 */
import { type Diagnostic, error } from '../diagnostics.js';
import { type At, isLoose, type Loose, type Path, records, textOf } from './loose-records.js';
import { checkSameMoney } from './same-money.js';
import { checkSameText } from './same-text.js';
import { moneyValue } from './wording.js';

/** Reports an id of `target` that does not resolve (references.ts owns the wording). */
type Ref = (target: 'investments', value: string | undefined, path: Path) => void;

export function checkRelations(data: unknown, at: At, ref: Ref): Diagnostic[] {
  const problems: Diagnostic[] = [];
  records(data, 'partners').forEach((p, i) => {
    if (p.instrument === 'other' && p.instrumentName === undefined) {
      problems.push(
        error('DATA_REQUIRED', 'an instrument of kind "other" needs "instrumentName"', {
          ...at(['partners', i]),
          path: `partners[${i}].instrumentName`,
          hint: 'say what the source calls it, as it reads after "signed": instrumentName: a letter of intent',
        }),
      );
    }
  });
  const investments = records(data, 'investments');
  const byId = new Map(
    investments.flatMap((v, i): [string, number][] => {
      const id = textOf(v, 'id');
      return id === undefined ? [] : [[id, i]];
    }),
  );
  investments.forEach((v, i) => {
    const whole = textOf(v, 'partOf');
    if (whole === undefined) return;
    if (!byId.has(whole)) {
      ref('investments', whole, ['investments', i, 'partOf']);
      return;
    }
    if (inCycle(investments, byId, i)) {
      problems.push(
        error('DATA_INVALID_VALUE', `"${whole}" is this figure itself, or a part of it`, {
          ...at(['investments', i, 'partOf']),
          hint: 'partOf names the larger figure this one is included in; a figure cannot include itself',
        }),
      );
      return;
    }
    const larger = largerThanWhole(v, investments[byId.get(whole) ?? -1]);
    if (larger) {
      problems.push(
        error('DATA_INVALID_VALUE', `a part larger than the figure "${whole}" it is part of`, {
          ...at(['investments', i, 'amount']),
          hint: 'check both amounts and their scales, or whether partOf names the right figure',
        }),
      );
    }
  });
  problems.push(...checkSameMoney(data, at));
  problems.push(...checkSameText(data, at));
  return problems;
}

/** Following `partOf` from record `start` comes back to it. */
function inCycle(list: Loose[], byId: Map<string, number>, start: number): boolean {
  const seen = new Set<number>();
  let current: number | undefined = start;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const next = textOf(list[current] ?? {}, 'partOf');
    current = next === undefined ? undefined : byId.get(next);
    if (current === start) return true;
  }
  return false;
}

interface Amount {
  amount: number;
  amountMax?: number;
  currency: string;
  scale: Parameters<typeof moneyValue>[0]['scale'];
  qualifier?: string;
}

function asAmount(value: unknown): Amount | undefined {
  if (!isLoose(value) || typeof value.amount !== 'number' || typeof value.currency !== 'string')
    return undefined;
  const scale = typeof value.scale === 'string' ? value.scale : 'one';
  return { ...(value as unknown as Amount), scale: scale as Amount['scale'] };
}

/**
 * A part whose lower end is above the whole's upper end, in one currency. A whole stated as a
 * floor ("at least ¥10 trillion") has no upper end, so any part fits it.
 */
function largerThanWhole(part: Loose, whole: Loose | undefined): boolean {
  const p = asAmount(part.amount);
  const w = asAmount(whole?.amount);
  if (!p || !w || p.currency !== w.currency) return false;
  if (w.qualifier === 'over' || w.qualifier === 'at-least') return false;
  // An unknown scale (reported by the shape check) gives NaN, and no finding.
  return moneyValue(p) > moneyValue({ amount: w.amountMax ?? w.amount, scale: w.scale });
}
