/**
 * Field-by-field three-way merge of form answers: `base` is the copy both sides started from (the CP
 * version this laptop last saw), `mine` the laptop's edits, `theirs` what CP holds now.
 *
 * A field is one question's answer (a multi-choice is one field; a repeating group is merged item by
 * item, matched by `itemId`, and each item field by field). Changes to different fields merge on their
 * own; both sides making the same change is not a conflict; different changes to one field are, and
 * the merged answers keep mine until the user picks, with both values in the conflict — nothing typed
 * is dropped without the user seeing it. An item deleted on one side and edited on the other is a
 * conflict on the whole item. Items keep mine's order, with items only theirs added after.
 */
import type { FormDefinition, Question, RepeatingGroupQuestion } from '../../../src-preload/contract/forms/form-definition-schema';
import { AnswerPathError } from './form-errors';
import { childPath, isAnswered, isRecord, isValidItemId, itemPath, ITEM_ID_KEY, parseAnswerPath, setAtPath, type AnswerPath, type FormAnswers, type PartAnswers } from '../../../src-preload/contract/forms/form-answers';
import { groupScope, partScope, type QuestionScope } from '../../../src-preload/contract/forms/question-scopes';

export interface MergeConflict {
  readonly path: AnswerPath;
  /** null: not there (unanswered, or for an item path, the item does not exist on that side). */
  readonly base: unknown;
  readonly mine: unknown;
  readonly theirs: unknown;
}

export interface MergeResult {
  readonly merged: Record<string, PartAnswers>;
  readonly conflicts: readonly MergeConflict[];
}

/** The user's pick for one conflict: the value to keep (null removes the answer, or the item). */
export interface ConflictChoice {
  readonly path: AnswerPath;
  readonly value: unknown;
}

type Answers = Record<string, unknown>;

export function mergeAnswers(base: FormAnswers | null, mine: FormAnswers, theirs: FormAnswers, definition: FormDefinition): MergeResult {
  const conflicts: MergeConflict[] = [];
  const merged: Record<string, PartAnswers> = {};
  const partIds = unionKeys([definition.parts.map((p) => p.id), Object.keys(mine), Object.keys(theirs)]);
  for (const partId of partIds) {
    const part = definition.parts.find((p) => p.id === partId);
    const b = asRecord(base?.[partId]);
    const m = asRecord(mine[partId]);
    const t = asRecord(theirs[partId]);
    if (!part && m === undefined && t === undefined) continue;
    merged[partId] = mergeScope(b, m ?? {}, t ?? {}, part ? partScope(part) : null, partId, conflicts);
  }
  return { merged, conflicts };
}

/** The merged answers with the user's choices applied; conflicts not chosen keep mine. */
export function resolveConflicts(merged: FormAnswers, choices: readonly ConflictChoice[]): Record<string, PartAnswers> {
  const out = structuredClone(merged) as Record<string, Answers>;
  for (const choice of choices) {
    const segments = parseAnswerPath(choice.path);
    const value = choice.value === null ? undefined : structuredClone(choice.value);
    if (!segments || !setAtPath(out, segments, value)) throw new AnswerPathError(choice.path);
  }
  return out;
}

/** The choice that keeps one side's value for a conflict. */
export function chooseSide(conflict: MergeConflict, side: 'mine' | 'theirs' | 'base'): ConflictChoice {
  return { path: conflict.path, value: conflict[side] };
}

function mergeScope(base: Answers | undefined, mine: Answers, theirs: Answers, scope: QuestionScope | null, path: AnswerPath, conflicts: MergeConflict[]): Answers {
  const out: Answers = {};
  for (const key of unionKeys([Object.keys(mine), Object.keys(theirs)])) {
    const placed = scope?.byId.get(key);
    const here = childPath(path, key);
    const [b, m, t] = [base?.[key], mine[key], theirs[key]];
    if (placed?.question.type === 'repeatingGroup' && itemsMergeable([b, m, t])) {
      out[key] = mergeItems(asItems(b), asItems(m), asItems(t), groupScope(placed.question, placed.section), placed.question, here, conflicts);
      continue;
    }
    const value = mergeField(b, m, t, placed?.question ?? null, here, conflicts);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function mergeField(base: unknown, mine: unknown, theirs: unknown, question: Question | null, path: AnswerPath, conflicts: MergeConflict[]): unknown {
  if (same(mine, theirs, question)) return mine ?? theirs;
  if (same(mine, base, question)) return theirs;
  if (same(theirs, base, question)) return mine;
  conflicts.push({ path, base: base ?? null, mine: mine ?? null, theirs: theirs ?? null });
  return mine;
}

function mergeItems(base: Answers[], mine: Answers[], theirs: Answers[], scope: QuestionScope, group: RepeatingGroupQuestion, path: AnswerPath, conflicts: MergeConflict[]): Answers[] {
  const byId = (items: Answers[]) => new Map(items.map((item) => [item[ITEM_ID_KEY] as string, item]));
  const [b, t] = [byId(base), byId(theirs)];
  const mineIds = new Set(mine.map((item) => item[ITEM_ID_KEY] as string));
  const out: Answers[] = [];
  for (const item of mine) {
    const id = item[ITEM_ID_KEY] as string;
    const here = itemPath(path, id);
    const theirsItem = t.get(id);
    const baseItem = b.get(id);
    if (theirsItem) out.push({ ...mergeScope(baseItem, item, theirsItem, scope, here, conflicts), [ITEM_ID_KEY]: id });
    else if (!baseItem) out.push(item); // added here
    else if (!same(item, baseItem, group)) {
      // They deleted it, I edited it: keep mine until the user decides.
      conflicts.push({ path: here, base: baseItem, mine: item, theirs: null });
      out.push(item);
    } // else: they deleted an item I had not touched
  }
  for (const item of theirs) {
    const id = item[ITEM_ID_KEY] as string;
    if (mineIds.has(id)) continue;
    const baseItem = b.get(id);
    if (!baseItem) out.push(item); // added there
    else if (!same(item, baseItem, group)) conflicts.push({ path: itemPath(path, id), base: baseItem, mine: null, theirs: item });
  }
  return out;
}

/** Item-by-item merging needs every item to carry a unique valid id; otherwise the group merges whole. */
function itemsMergeable(values: readonly unknown[]): boolean {
  return values.every((value) => {
    if (value === undefined || value === null) return true;
    if (!Array.isArray(value)) return false;
    const ids = value.map((item: unknown) => (isRecord(item) ? item[ITEM_ID_KEY] : undefined));
    return ids.every(isValidItemId) && new Set(ids).size === ids.length;
  });
}

function asItems(value: unknown): Answers[] {
  return Array.isArray(value) ? (value as Answers[]) : [];
}

function asRecord(value: unknown): Answers | undefined {
  return isRecord(value) ? value : undefined;
}

function unionKeys(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const key of list) seen.add(key);
  return [...seen];
}

/** Equal as answers: unanswered forms (absent, null, blank) are one, a multi-choice is a set, key order is ignored. */
function same(a: unknown, b: unknown, question: Question | RepeatingGroupQuestion | null): boolean {
  return canonical(a, question) === canonical(b, question);
}

function canonical(value: unknown, question: Question | null): string {
  if (!isAnswered(value)) return 'null';
  if (question?.type === 'multiChoice' && Array.isArray(value)) return JSON.stringify(value.map(String).toSorted());
  return stableJson(value);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((key) => isAnswered(value[key])).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
