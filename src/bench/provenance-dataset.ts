/**
 * A dataset for the provenance benchmark: `sources` stored texts of some twenty sentences
 * each and `citations` indicators spread over them, every one quoting its sentence and
 * stating its figure, so `validate` finds every quote and matches every figure.
 */

export interface ProvenanceProject {
  /** File name (in sources/) → text. */
  sources: Map<string, string>;
  dataset: string;
}

const SENTENCES_PER_SOURCE = 20;

function sentence(source: number, n: number): string {
  return `In 2024, region ${source}-${n} reported about ${(n + 1) * 3 + source} thousand jobs in advanced manufacturing, up ${n + 2}.5% on the year.`;
}

export function provenanceProject(sourceCount: number, citations: number): ProvenanceProject {
  const sources = new Map<string, string>();
  for (let s = 0; s < sourceCount; s++) {
    const body = Array.from({ length: SENTENCES_PER_SOURCE }, (_, n) => sentence(s, n));
    // Paragraphs of four sentences, with line breaks inside them, as stored texts have.
    const paragraphs = Array.from({ length: SENTENCES_PER_SOURCE / 4 }, (_, p) =>
      body.slice(p * 4, p * 4 + 4).join('\n'),
    );
    sources.set(`report-${s}.txt`, `Report ${s}\n\n${paragraphs.join('\n\n')}\n`);
  }
  const lines = [
    'meta: { id: bench, title: Bench, country: Benchland, language: en, asOf: 2025-01-01, author: Bench, currency: EUR }',
    'sources:',
    ...Array.from(
      { length: sourceCount },
      (_, s) => `  - { id: report-${s}, title: Report ${s}, date: 2025-01-01, file: report-${s}.txt }`,
    ),
    'sectors:',
    `  - { id: manufacturing, name: Manufacturing, summary: Jobs., cite: [{ source: report-0, quote: ${JSON.stringify(sentence(0, 0))} }] }`,
    'indicators:',
  ];
  for (let i = 0; i < citations; i++) {
    const s = i % sourceCount;
    const n = Math.floor(i / sourceCount) % SENTENCES_PER_SOURCE;
    const quote = JSON.stringify(sentence(s, n));
    lines.push(
      `  - { id: jobs-${i}, label: Jobs, sector: manufacturing, value: { amount: ${(n + 1) * 3 + s}000, unit: jobs, qualifier: about }, year: 2024, cite: [{ source: report-${s}, quote: ${quote}, locator: "para. ${Math.floor(n / 4) + 2}" }] }`,
    );
  }
  return { sources, dataset: `${lines.join('\n')}\n` };
}
