/**
 * What the form screen needs of answer paths beyond the engine's own helpers (path syntax, parsing,
 * isAnswered… live in the contract, src-preload/contract/forms/form-answers.ts). Answers are never
 * mutated here: React state holds them, so changes make copies where the engine's setAtPath edits in place.
 */
import { isRecord, ITEM_ID_KEY, parseAnswerPath, type PathSegment } from '../../../src-preload/contract/forms';

export type Answers = Readonly<Record<string, unknown>>;

/** A repeating group's items, skipping anything that is not an item with an id. */
export function itemsOf(value: unknown): Array<Readonly<Record<string, unknown>> & { itemId: string }> {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is Record<string, unknown> & { itemId: string } => isRecord(item) && typeof item[ITEM_ID_KEY] === 'string');
}

/** The answers with the value at `path` replaced (undefined removes it); containers are created on the way. */
export function withAnswerAt(answers: Answers, path: string, value: unknown): Answers {
  const segments = parseAnswerPath(path);
  if (!segments) return answers;
  return setIn(answers, segments, value);
}

function setIn(container: Answers, segments: readonly PathSegment[], value: unknown): Answers {
  const [head, next, ...rest] = segments;
  if (!head || head.kind !== 'field') return container;
  if (next === undefined) {
    if (value !== undefined) return { ...container, [head.id]: value };
    const { [head.id]: _removed, ...rest } = container;
    return rest;
  }
  if (next.kind === 'item') {
    const items = Array.isArray(container[head.id]) ? (container[head.id] as unknown[]) : [];
    const index = items.findIndex((item) => isRecord(item) && item[ITEM_ID_KEY] === next.itemId);
    const item = items[index];
    if (index < 0 || !isRecord(item)) return container; // the item was removed meanwhile: nothing to set
    const updated = rest.length === 0 ? value : setIn(item, rest, value);
    const copy = items.slice();
    if (updated === undefined) copy.splice(index, 1);
    else copy[index] = updated;
    return { ...container, [head.id]: copy };
  }
  const child = container[head.id];
  return { ...container, [head.id]: setIn(isRecord(child) ? child : {}, [next, ...rest], value) };
}

/** The value at a path, or undefined. */
export function answerAt(answers: Answers, path: string): unknown {
  const segments = parseAnswerPath(path);
  if (!segments) return undefined;
  let current: unknown = answers;
  for (const segment of segments) {
    if (segment.kind === 'field') current = isRecord(current) ? current[segment.id] : undefined;
    else current = itemsOf(current).find((item) => item.itemId === segment.itemId);
  }
  return current;
}

/** An element id for a field: paths hold dots and brackets, which ids may but selectors handle badly. */
export function fieldDomId(path: string): string {
  return `form-field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The part a path belongs to (its first segment). */
export function partOf(path: string): string {
  return parseAnswerPath(path)?.[0]?.kind === 'field' ? path.split(/[.[]/, 1)[0] ?? '' : '';
}
