/**
 * Labels a chart can key its marks by. A chart's band scale draws every row of one label on
 * one band, so two records of one name overprinted and the deck's chart kept one. Each label
 * that repeats gets what tells its records apart ("Digital New Deal (2020)"), or its place
 * among them ("(2)") when that does not; a label that does not repeat stays as it is.
 */
export function distinctLabels(
  labels: readonly string[],
  detail: (i: number) => string | undefined,
): string[] {
  const count = (list: readonly string[]) => {
    const map = new Map<string, number>();
    for (const item of list) map.set(item, (map.get(item) ?? 0) + 1);
    return map;
  };
  const repeated = count(labels);
  const detailed = labels.map((label, i) => {
    const extra = detail(i);
    return (repeated.get(label) ?? 0) > 1 && extra ? `${label} (${extra})` : label;
  });
  const still = count(detailed);
  const seen = new Map<string, number>();
  return detailed.map((label) => {
    if ((still.get(label) ?? 0) < 2) return label;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return `${label} (${n})`;
  });
}
