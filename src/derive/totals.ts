/**
 * A total is no surer than its parts. "The addition will bring the total to ¥1,722.5 billion",
 * where the addition is "up to ¥802.5 billion", is a total of at most ¥1,722.5 billion, and a
 * total that holds a pledge is not all allocated. So a whole (`partOf`) is worded with the least
 * settled status of itself and its parts, and a whole built from its parts (a running total,
 * `basis: cumulative`, or a sum the dataset computed, `amount.computed`) with their weakest
 * qualifier too; a programme budget that is the same money (`budgetSameAs`) says what its figure
 * says, and one that includes figures (`budgetIncludes`, or may: `budgetOverlaps`) is no more
 * settled than they are. A
 * whole the source states for itself ("plans to earmark 1.86 trillion yen", of which "some 650
 * billion") keeps its own qualifier: its parts' hedges are theirs. Every output reads
 * the figures through here (the template data and the derived tables), so none says more than
 * another.
 */
import type { Dataset, FigureStatus, Investment, Program, Qualifier } from '../dataset/schema.js';

/** Statuses from the most settled to the least: a whole takes the last of its own and its parts'. */
const SETTLED: readonly FigureStatus[] = [
  'actual',
  'allocated',
  'decided',
  'pledged',
  'planned',
  'proposed',
  'target',
];

/** Qualifiers that cap a figure ("up to") and that floor it ("over", "at least"). */
const CEILINGS: ReadonlySet<Qualifier> = new Set(['up-to', 'under']);
const FLOORS: ReadonlySet<Qualifier> = new Set(['over', 'at-least']);

/**
 * The qualifier of a whole given its parts': its own when the source qualifies it; else "up to"
 * when a part is capped, "at least" when a part has a floor, "about" when a part is about or
 * parts pull both ways; exact only when every part is.
 */
export function weakestQualifier(own: Qualifier, parts: readonly Qualifier[]): Qualifier {
  if (own !== 'exact') return own;
  const loose = parts.filter((q) => q !== 'exact');
  if (loose.length === 0) return 'exact';
  if (loose.every((q) => CEILINGS.has(q))) return 'up-to';
  if (loose.every((q) => FLOORS.has(q))) return 'at-least';
  return 'about';
}

/** The least settled status of a whole and its parts; none when the whole states none. */
export function weakestStatus(
  own: FigureStatus | undefined,
  parts: readonly (FigureStatus | undefined)[],
): FigureStatus | undefined {
  if (own === undefined) return undefined;
  // A target part is an aim inside a stated whole; it does not make the whole an aim.
  const rank = (s: FigureStatus) => SETTLED.indexOf(s);
  return parts.reduce<FigureStatus>(
    (weakest, s) => (s !== undefined && s !== 'target' && rank(s) > rank(weakest) ? s : weakest),
    own,
  );
}

/** Each investment with its parts' qualifiers and statuses folded in, through nested parts. */
function qualifiedInvestments(investments: readonly Investment[]): Investment[] {
  const byId = new Map(investments.map((v) => [v.id, v]));
  const partsOf = new Map<string, Investment[]>();
  for (const v of investments)
    if (v.partOf !== undefined) partsOf.set(v.partOf, [...(partsOf.get(v.partOf) ?? []), v]);
  const done = new Map<string, Investment>();
  const resolve = (v: Investment, seen: ReadonlySet<string>): Investment => {
    const cached = done.get(v.id);
    if (cached) return cached;
    // A cycle of partOf is reported by the relation checks; here it just stops.
    const built = v.basis === 'cumulative' || v.amount.computed !== undefined;
    const parts = (partsOf.get(v.id) ?? []).filter((p) => !seen.has(p.id));
    const resolvedParts = parts.map((p) => resolve(byId.get(p.id) ?? p, new Set([...seen, v.id])));
    // A stated whole keeps the source's qualifier; only a sum of its parts is as loose as they are.
    const qualifier = built
      ? weakestQualifier(
          v.amount.qualifier,
          resolvedParts.map((p) => p.amount.qualifier),
        )
      : v.amount.qualifier;
    const status = weakestStatus(
      v.status,
      resolvedParts.map((p) => p.status),
    );
    const same = qualifier === v.amount.qualifier && status === v.status;
    const out: Investment = same
      ? v
      : { ...v, amount: { ...v.amount, qualifier }, ...(status !== undefined ? { status } : {}) };
    done.set(v.id, out);
    return out;
  };
  return investments.map((v) => resolve(v, new Set()));
}

/**
 * A budget that is a figure's money says what the figure says (qualifier and status); a budget
 * that includes figures (`budgetIncludes`) is no more settled than they are ("about ¥1.2
 * trillion" for two plants, one decided and one pledged, is not all allocated).
 */
function qualifiedProgram(p: Program, figures: ReadonlyMap<string, Investment>): Program {
  const figure = p.budgetSameAs !== undefined ? figures.get(p.budgetSameAs) : undefined;
  // (`?? []`: a dataset built in code, not parsed, may lack the defaults.)
  const held = [...(p.budgetIncludes ?? []), ...(p.budgetOverlaps ?? [])];
  if (!figure && p.budget && held.length > 0) {
    // What it may hold counts too: a total is never more settled than money it may contain.
    const status = weakestStatus(
      p.budgetStatus,
      held.map((id) => figures.get(id)?.status),
    );
    return status === p.budgetStatus || status === undefined ? p : { ...p, budgetStatus: status };
  }
  if (!figure || !p.budget) return p;
  const qualifier = weakestQualifier(p.budget.qualifier, [figure.amount.qualifier]);
  if (qualifier === p.budget.qualifier && figure.status === p.budgetStatus) return p;
  return {
    ...p,
    budget: { ...p.budget, qualifier },
    ...(figure.status !== undefined ? { budgetStatus: figure.status } : {}),
  };
}

/**
 * The qualified dataset per dataset object (and itself for the result, so a second call on it is
 * a lookup). Module scope is safe: keyed by the build's own dataset object (each build reads its
 * inputs afresh), whose values are never changed after parsing, and gone with it.
 */
const qualified = new WeakMap<Dataset, Dataset>();

/**
 * The dataset with its totals worded no surer than their parts. Memoised by the dataset object
 * (each build reads its own), so every document and table of a build sees the same values.
 */
export function qualifiedTotals(dataset: Dataset): Dataset {
  const cached = qualified.get(dataset);
  if (cached) return cached;
  const investments = qualifiedInvestments(dataset.investments);
  const changed = investments.some((v, i) => v !== dataset.investments[i]);
  const figures = new Map(investments.map((v) => [v.id, v]));
  const programs = dataset.programs.map((p) => qualifiedProgram(p, figures));
  const out =
    changed || programs.some((p, i) => p !== dataset.programs[i])
      ? ({ ...dataset, investments, programs } as Dataset)
      : dataset;
  qualified.set(dataset, out);
  qualified.set(out, out);
  return out;
}
