/**
 * One house style for citation marks in the PDF: a mark follows the punctuation it stands by
 * ("innovation.¹", never "fields¹."), and a sentence cites a source once, at its last mention
 * ("A, B and C.¹" rather than "A¹, B¹ and C¹."). Templates and dataset text place marks
 * wherever the claim they support ends; this is where they are set consistently.
 */
import type { Inline } from '../../document/model.js';

type Citation = Extract<Inline, { type: 'citation' }>;

/** Punctuation a mark goes after: the sentence and clause marks, and a closing quote or bracket after them. */
const LEADING_PUNCTUATION = /^[.,;:!?]+["'’”)\]]*/u;
/** A sentence end inside a text, with more of the text after it. */
const SENTENCE_END_WITHIN = /[.!?]["'’”)\]]*\s+\S/u;
/** A sentence end at the end of a text. */
const SENTENCE_END_AT_END = /[.!?]["'’”)\]]*\s*$/u;

/** Moves punctuation that directly follows a run of marks in front of it. */
function marksAfterPunctuation(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Inline;
    if (node.type !== 'citation') {
      out.push(node);
      continue;
    }
    const marks: Citation[] = [];
    let j = i;
    while (nodes[j]?.type === 'citation') marks.push(nodes[j++] as Citation);
    const next = nodes[j];
    const punctuation = next?.type === 'text' ? LEADING_PUNCTUATION.exec(next.text)?.[0] : undefined;
    if (next?.type === 'text' && punctuation) {
      const previous = out[out.length - 1];
      if (previous?.type === 'text')
        out[out.length - 1] = { type: 'text', text: previous.text + punctuation };
      else out.push({ type: 'text', text: punctuation });
      out.push(...marks);
      const rest = next.text.slice(punctuation.length);
      if (rest !== '') out.push({ type: 'text', text: rest });
      i = j;
    } else {
      out.push(...marks);
      i = j - 1;
    }
  }
  return out;
}

/** The sentence each node belongs to: marks right after a sentence's end still belong to it. */
function sentenceOf(nodes: readonly Inline[]): number[] {
  const out: number[] = [];
  let sentence = 0;
  let ended = false;
  for (const node of nodes) {
    if (node.type === 'citation' || node.type === 'break') {
      out.push(sentence);
      continue;
    }
    const text = node.type === 'text' ? node.text : '';
    if (ended && (node.type !== 'text' || text.trim() !== '')) {
      sentence += 1;
      ended = false;
    }
    out.push(sentence);
    if (node.type !== 'text') continue;
    sentence += (text.match(new RegExp(SENTENCE_END_WITHIN, 'gu')) ?? []).length;
    if (SENTENCE_END_AT_END.test(text)) ended = true;
  }
  return out;
}

/** Drops a mark that the same sentence repeats later: each source once per sentence, at its last mention. */
function oncePerSentence(nodes: readonly Inline[]): Inline[] {
  const sentences = sentenceOf(nodes);
  const last = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (node.type === 'citation') last.set(`${sentences[i]}:${node.number}`, i);
  });
  const kept = nodes.filter(
    (node, i) => node.type !== 'citation' || last.get(`${sentences[i]}:${node.number}`) === i,
  );
  // A dropped mark leaves its text neighbours apart: join them so the line breaker sees one run.
  const out: Inline[] = [];
  for (const node of kept) {
    const previous = out[out.length - 1];
    if (node.type === 'text' && previous?.type === 'text')
      out[out.length - 1] = { type: 'text', text: previous.text + node.text };
    else out.push(node);
  }
  return out;
}

/** `nodes` with their citation marks set in the house style (see the file comment), at every level. */
export function placeCitationMarks(nodes: readonly Inline[]): Inline[] {
  const nested = nodes.map(
    (node): Inline =>
      node.type === 'strong' || node.type === 'emphasis' || node.type === 'link'
        ? { ...node, children: placeCitationMarks(node.children) }
        : node,
  );
  return oncePerSentence(marksAfterPunctuation(nested));
}
