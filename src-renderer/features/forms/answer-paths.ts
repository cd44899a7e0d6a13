/**
 * Answer paths as the engine writes them (`part3.defenceWitnesses[<itemId>].name`, see core/forms
 * form-answers.ts): the same syntax here, because issues and conflicts arrive keyed by these paths and
 * the screen must find the field each one belongs to. Answers are never mutated: React state holds them.
 */

export type Answers = Readonly<Record<string, unknown>>;
export type PathSegment = { readonly kind: 'field'; readonly id: string } | { readonly kind: 'item'; readonly itemId: string };

export const ITEM_ID_KEY = 'itemId';

export function childPath(parent: string, questionId: string): string {
  return parent === '' ? questionId : `${parent}.${questionId}`;
}

export function itemPath(groupPath: string, itemId: string): string {
  return `${groupPath}[${itemId}]`;
}

const SEGMENT = /([A-Za-z][A-Za-z0-9]*)|\[([A-Za-z0-9_-]{1,64})\]|\./gy;

/** The segments of a path (part id first), or null for a string that is not one. */
export function parseAnswerPath(path: string): PathSegment[] | null {
  const segments: PathSegment[] = [];
  SEGMENT.lastIndex = 0;
  let expectField = true;
  while (SEGMENT.lastIndex < path.length) {
    const match = SEGMENT.exec(path);
    if (!match) return null;
    if (match[1] !== undefined) {
      if (!expectField) return null;
      segments.push({ kind: 'field', id: match[1] });
      expectField = false;
    } else if (match[2] !== undefined) {
      if (expectField) return null;
      segments.push({ kind: 'item', itemId: match[2] });
    } else {
      if (expectField) return null;
      expectField = true;
    }
  }
  return segments.length > 0 && !expectField ? segments : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Absent, null, blank text and empty lists all mean "not answered" (as the engine counts them). */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

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
