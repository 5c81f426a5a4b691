/**
 * Who does what with a figure, in words that stay true: the actor the record names ("the
 * government", "TSMC", "partners"), a verb for its status in the tense its years call for as of
 * the dataset's date ("allocated" for a past year, "plans to invest" for a coming one), and the
 * source's hedge ("is expected to invest"). Templates put the pieces together:
 * `{{figureActor this start=true}} {{figureVerb this}} {{money amount}} {{figureTime this}}`.
 * What the money goes to, who receives it and where, and the opening of a figure stated without
 * a stage, are in figure-scope.ts.
 */

import { type FigureTime, type FiscalYear, type Tense, tenseOf, timePhrase } from '../dataset/figure-time.js';
import type { Actor, FigureStatus, FigureVerb, Modality } from '../dataset/schema.js';

export interface FigureRecord extends FigureTime {
  /** Left out when the source gives no stage: the figure is then stated, not given a verb (statedOpening). */
  status?: FigureStatus | null;
  actor?: Actor | null;
  actorName?: string | null;
  modality?: Modality | null;
  /** The source's verb ("provide"), when it is not the status's usual one. */
  verb?: FigureVerb | null;
  /** The administration it is worded under (src/document/template-data.ts fills it from dates). */
  administration?: string | null;
}

/** Generic names of each kind of actor, when the record names none; `plural` for the verb. */
const GENERIC_ACTORS: Record<Actor, { text: string; plural: boolean }> = {
  government: { text: 'the government', plural: false },
  agency: { text: 'a government agency', plural: false },
  company: { text: 'private companies', plural: true },
  partner: { text: 'partners', plural: true },
  'public-private': { text: 'public and private investors', plural: true },
};

export interface ActorWords {
  text: string;
  plural: boolean;
  /** A name is printed as written, never re-cased. */
  named: boolean;
}

/**
 * Who acts: the record's named actor; for the government, the administration it is worded
 * under, by name ("the Kishida government"); else the generic phrase ("the government").
 */
export function actorWords(
  record: Pick<FigureRecord, 'actor' | 'actorName' | 'administration'>,
  administrations?: ReadonlyMap<string, string>,
): ActorWords {
  if (record.actorName) return { text: record.actorName, plural: false, named: true };
  const actor = record.actor ?? 'government';
  const administration = record.administration ? administrations?.get(record.administration) : undefined;
  if (actor === 'government' && administration) {
    // The name as written, after "the" unless it has its own article.
    const text = /^the\s/i.test(administration) ? administration : `the ${administration}`;
    return { text, plural: false, named: false };
  }
  return { ...GENERIC_ACTORS[actor], named: false };
}

/** The actor as the subject of a sentence; `start` capitalises the first letter, never a name's. */
export function actorPhrase(
  record: FigureRecord,
  start = false,
  administrations?: ReadonlyMap<string, string>,
): string {
  const words = actorWords(record, administrations);
  if (!start) return words.text;
  // A name is printed as written ("imec"), but a leading article is not part of it: "The
  // Ministry of Economy, Trade and Industry" at the start of a sentence.
  if (words.named) return words.text.replace(/^the\s/, 'The ');
  return words.text.charAt(0).toUpperCase() + words.text.slice(1);
}

/** What is done with the money, as a bare verb: "is expected to invest", "plans to allocate". */
export function baseVerb(record: FigureRecord): string {
  // A figure without a status is worded as "X's investment in …" (statedOpening).
  if (!record.status) return 'invest';
  // The source's own verb, where it gives one that differs from the status's.
  if (record.verb && record.status !== 'proposed' && record.status !== 'target') return record.verb;
  const spender = record.actor === 'company' || record.actor === 'partner';
  const verbs: Record<FigureStatus, string> = {
    planned: 'invest',
    allocated: 'allocate',
    decided: 'invest',
    actual: 'spend',
    pledged: spender ? 'invest' : 'mobilise',
    proposed: 'propose',
    target: 'reach',
  };
  return verbs[record.status];
}

/** The participle of each verb a record may name (FigureVerb): "has provided", "earmarked". */
const PARTICIPLES: Record<FigureVerb, string> = {
  invest: 'invested',
  provide: 'provided',
  mobilise: 'mobilised',
  allocate: 'allocated',
  spend: 'spent',
  earmark: 'earmarked',
  commit: 'committed',
};

/** Past and present forms by status, without a hedge; present forms are singular/plural pairs. */
const PLAIN: Record<FigureStatus, { past: (v: string) => string; present: [string, string] }> = {
  planned: { past: (v) => `planned to ${v}`, present: ['plans to invest', 'plan to invest'] },
  allocated: { past: () => 'allocated', present: ['has allocated', 'have allocated'] },
  actual: { past: () => 'spent', present: ['has spent', 'have spent'] },
  decided: { past: (v) => `decided to ${v}`, present: ['has decided to ', 'have decided to '] },
  pledged: { past: (v) => `pledged to ${v}`, present: ['has pledged to ', 'have pledged to '] },
  proposed: { past: () => 'proposed', present: ['has proposed', 'have proposed'] },
  target: { past: () => 'aimed for', present: ['aims for', 'aim for'] },
};

export interface WordingContext {
  asOf: string;
  fiscalYear?: FiscalYear;
  /** Administration names by id, for "the Kishida government allocated …". */
  administrations?: ReadonlyMap<string, string>;
  /** Ids of administrations out of office at the as-of date (an `end` before it, or `former`). */
  formerAdministrations?: ReadonlySet<string>;
}

/**
 * Whether the verb is in the past: the figure's years are over, or the government that acts is
 * out of office ("The Ishiba government pledged to provide … by fiscal 2030", its pledge made
 * while in office). The time phrase still follows the years.
 */
export function pastVerb(record: FigureRecord, context: WordingContext): boolean {
  if (figureTense(record, context) === 'past') return true;
  const government = !record.actorName && (record.actor ?? 'government') === 'government';
  return government && !!record.administration && !!context.formerAdministrations?.has(record.administration);
}

export function figureTense(record: FigureRecord, context: WordingContext): Tense {
  return tenseOf(record, context.asOf, context.fiscalYear);
}

/**
 * The verb phrase after the actor: tense from the as-of date, hedge from the record. A running
 * total (`basis: cumulative`) says so: "allocated a total of"; one whose last year is not over
 * is what the latest addition will bring the money to, "will have provided a total of", never
 * "has allocated" of money a current year has still to provide.
 */
export function figureVerb(record: FigureRecord, context: WordingContext): string {
  const verb = stageVerb(record, context);
  if (record.basis !== 'cumulative' || !record.status) return verb;
  const hedged = record.modality !== undefined && record.modality !== null;
  // A proposal, an aim, a pledge or a decision keeps its own verb: "has pledged to provide a total of".
  const ownVerb = ['target', 'proposed', 'pledged', 'decided'].includes(record.status);
  if (!ownVerb && !hedged && !pastVerb(record, context)) {
    // "The addition will bring the total to …": what the money will come to once provided.
    const participle = PARTICIPLES[record.verb ?? DEFAULT_VERBS[record.status]];
    return `will have ${participle} a total of`;
  }
  return `${verb} a total of`;
}

/** The verb a status stands for when the record names none, for "will have … a total of". */
const DEFAULT_VERBS: Record<FigureStatus, FigureVerb> = {
  planned: 'invest',
  allocated: 'allocate',
  actual: 'spend',
  decided: 'invest',
  pledged: 'mobilise',
  proposed: 'invest',
  target: 'invest',
};

/** The verb phrase of the figure's stage, before any "a total of". */
function stageVerb(record: FigureRecord, context: WordingContext): string {
  const status = record.status;
  // No status, no verb of stage: "is investing", "planned to invest" would add what the source does not say.
  if (!status) return statedVerb(record, context);
  const past = pastVerb(record, context);
  const plural = actorWords(record).plural;
  const verb = baseVerb(record);
  const modality = record.modality ?? undefined;
  if (modality === 'expected' || modality === 'anticipated') {
    return `${past ? (plural ? 'were' : 'was') : plural ? 'are' : 'is'} ${modality} to ${verb}`;
  }
  // "planned" and "proposed" as hedges, unless the status says the same already.
  if (modality === 'planned' && record.status !== 'planned')
    return past ? `planned to ${verb}` : `${plural ? 'plan' : 'plans'} to ${verb}`;
  if (modality === 'proposed' && record.status !== 'proposed')
    return past ? `proposed to ${verb}` : `${plural ? 'propose' : 'proposes'} to ${verb}`;
  // Money assigned or spent with the source's own verb: "earmarked", "has provided".
  if (record.verb && (status === 'allocated' || status === 'actual')) {
    const participle = PARTICIPLES[record.verb];
    return past ? participle : `${plural ? 'have' : 'has'} ${participle}`;
  }
  const forms = PLAIN[status];
  if (past) return forms.past(verb);
  if (status === 'planned') return `${plural ? 'plan' : 'plans'} to ${verb}`;
  const present = forms.present[plural ? 1 : 0];
  // A decision or a pledge is to do something: "has decided to invest", "has pledged to provide".
  return status === 'pledged' || status === 'decided' ? `${present}${verb}` : present;
}

/**
 * For a figure without a status, in a template that words every figure with a verb: "puts …
 * towards" says who spends and how much, and nothing of whether it is planned or spent.
 */
function statedVerb(record: FigureRecord, context: WordingContext): string {
  const past = pastVerb(record, context);
  const plural = actorWords(record).plural;
  const modality = record.modality ?? undefined;
  if (modality) return `${past ? (plural ? 'were' : 'was') : plural ? 'are' : 'is'} ${modality} to put`;
  return past || !plural ? 'puts' : 'put';
}

/** The time phrase of the figure: "for 2026" when money is assigned ahead of its year. */
export function figureTimePhrase(record: FigureRecord, context: WordingContext): string {
  const tense = figureTense(record, context);
  const assigned = ['allocated', 'decided', 'pledged', 'proposed', 'actual'].includes(record.status ?? '');
  const hedged = record.modality !== undefined && record.modality !== null;
  return timePhrase(record, {
    target: record.status === 'target',
    ahead: tense !== 'past' && assigned && !hedged,
  });
}
