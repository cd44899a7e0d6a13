/**
 * The answers' shape, as CP keeps it in a form's `data`: one object per part (CP's lockable section,
 * `part1`…), keyed by question id. Sections inside a part only group questions on screen, so they add
 * no nesting: the sandbox and CP's PUT take whole parts, and a question id is unique within its part.
 *
 * Values: text, email, phone, date (YYYY-MM-DD) and choice are strings; yesNo is a boolean; number a
 * number; multiChoice an array of option values; a repeating group an array of items, each an object
 * of its own answers plus `itemId`, a stable id minted when the item is added so that merges match
 * items by identity, never by position. Absent, null and blank text all mean "not answered".
 */
export type AnswerValue = string | number | boolean | null | readonly string[] | readonly RepeatingItem[];
export interface RepeatingItem {
  readonly itemId: string;
  readonly [questionId: string]: unknown;
}
export type PartAnswers = Readonly<Record<string, unknown>>;
export type FormAnswers = Readonly<Record<string, PartAnswers>>;

export const ITEM_ID_KEY = 'itemId';
const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A new item's id (a UUID: unique across laptops, so two people adding witnesses never collide). Web
 * Crypto rather than node:crypto, so the renderer can mint ids with the same code.
 */
export function newItemId(): string {
  return globalThis.crypto.randomUUID();
}

export function isValidItemId(value: unknown): value is string {
  return typeof value === 'string' && ITEM_ID.test(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * A question's place in the answers, as a string the UI can use as a key and show in a conflict:
 * `part3.defenceWitnesses[<itemId>].name`. Item ids are restricted to [A-Za-z0-9_-], so the syntax
 * needs no escaping.
 */
export type AnswerPath = string;
export type PathSegment = { readonly kind: 'field'; readonly id: string } | { readonly kind: 'item'; readonly itemId: string };

export function childPath(parent: AnswerPath, questionId: string): AnswerPath {
  return parent === '' ? questionId : `${parent}.${questionId}`;
}

export function itemPath(groupPath: AnswerPath, itemId: string): AnswerPath {
  return `${groupPath}[${itemId}]`;
}

const SEGMENT = /([A-Za-z][A-Za-z0-9]*)|\[([A-Za-z0-9_-]{1,64})\]|\./gy;

/** The segments of a path (part id first), or null when the string is not a path this module made. */
export function parseAnswerPath(path: AnswerPath): PathSegment[] | null {
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
  // A part holds answers by question id, never items directly.
  return segments.length > 0 && !expectField && segments[1]?.kind !== 'item' ? segments : null;
}

type MutableAnswers = Record<string, unknown>;

/**
 * Sets (or, with undefined, removes) the value at a path in a mutable copy of the answers. An item
 * path sets or removes the whole item; a missing item is appended. False when the path leads nowhere
 * (e.g. into an item that no longer exists).
 */
export function setAtPath(answers: MutableAnswers, segments: readonly PathSegment[], value: unknown): boolean {
  let container: MutableAnswers = answers;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const next = segments[i + 1];
    if (!segment) return false;
    if (segment.kind === 'item') return false; // items are reached through their group below
    const last = next === undefined;
    if (last) {
      if (value === undefined) Reflect.deleteProperty(container, segment.id);
      else container[segment.id] = value;
      return true;
    }
    if (next.kind === 'item') {
      const items: unknown[] = Array.isArray(container[segment.id]) ? (container[segment.id] as unknown[]) : [];
      container[segment.id] = items;
      const index = items.findIndex((item) => isRecord(item) && item[ITEM_ID_KEY] === next.itemId);
      if (i + 2 === segments.length) {
        if (value === undefined) {
          if (index >= 0) items.splice(index, 1);
        } else if (index >= 0) items[index] = value;
        else items.push(value);
        return true;
      }
      const item = items[index];
      if (!isRecord(item)) return false;
      container = item;
      i++;
      continue;
    }
    const child = container[segment.id];
    if (!isRecord(child)) {
      if (value === undefined) return true;
      container[segment.id] = {};
    }
    container = container[segment.id] as MutableAnswers;
  }
  return false;
}
