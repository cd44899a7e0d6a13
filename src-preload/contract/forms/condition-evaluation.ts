/**
 * Evaluates the definition's conditions (visibility, conditional requirements, cross-field rules)
 * against a set of answers. A hidden question's answer counts as not given: a stale answer left
 * behind a follow-up that no longer applies must not drive any other rule.
 */
import { isIsoDate } from './calendar-dates';
import type { Condition, DateRef, FormDefinition, Part, Question, RepeatingGroupQuestion, Section } from './form-definition-schema';
import { isAnswered, isRecord } from './form-answers';
import { findPart, groupScope, partScope, type PlacedQuestion, type QuestionScope } from './question-scopes';

/** One answer object (a part's, or one repeating-group item's) with the scope its ids resolve in. */
export interface AnswerFrame {
  readonly part: Part;
  readonly scope: QuestionScope;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly parent: AnswerFrame | null;
}

export interface Resolved {
  readonly placed: PlacedQuestion;
  readonly frame: AnswerFrame;
}

/**
 * Answers keyed by part. Wider than FormAnswers because the renderer holds a draft's answers as CP's
 * JSON, where a part may not be an object; such a part reads as unanswered.
 */
export type AnswersByPart = Readonly<Record<string, unknown>>;

/**
 * A part's frame over any set of answers, not only a reader's: the renderer locates a conflict's path
 * in mine and theirs alike.
 */
export function partFrame(part: Part, answers: AnswersByPart): AnswerFrame {
  const own = answers[part.id];
  return { part, scope: partScope(part), answers: isRecord(own) ? own : {}, parent: null };
}

export function itemFrame(group: RepeatingGroupQuestion, section: Section, item: Readonly<Record<string, unknown>>, parent: AnswerFrame): AnswerFrame {
  return { part: parent.part, scope: groupScope(group, section), answers: item, parent };
}

export class AnswerReader {
  private readonly visiting = new Set<PlacedQuestion>();

  constructor(
    readonly definition: FormDefinition,
    readonly answers: AnswersByPart,
    /** YYYY-MM-DD; conditions that compare with `today` are treated as met when it is not given. */
    readonly today: string | null,
  ) {}

  partFrame(part: Part): AnswerFrame {
    return partFrame(part, this.answers);
  }

  itemFrame(group: RepeatingGroupQuestion, section: Section, item: Readonly<Record<string, unknown>>, parent: AnswerFrame): AnswerFrame {
    return itemFrame(group, section, item, parent);
  }

  /** The answer a question holds as far as the rules are concerned: undefined when hidden. */
  valueOf(ref: string, frame: AnswerFrame): unknown {
    const resolved = this.resolve(ref, frame);
    if (!resolved || !this.isVisible(resolved.placed, resolved.frame)) return undefined;
    return resolved.frame.answers[resolved.placed.question.id];
  }

  resolve(ref: string, frame: AnswerFrame): Resolved | null {
    const dot = ref.indexOf('.');
    if (dot >= 0) {
      const part = findPart(this.definition, ref.slice(0, dot));
      if (!part) return null;
      const partFrame = part === frame.part ? rootOf(frame) : this.partFrame(part);
      const placed = partFrame.scope.byId.get(ref.slice(dot + 1));
      return placed ? { placed, frame: partFrame } : null;
    }
    for (let f: AnswerFrame | null = frame; f; f = f.parent) {
      const placed = f.scope.byId.get(ref);
      if (placed) return { placed, frame: f };
    }
    return null;
  }

  isSectionVisible(section: Section, partFrame: AnswerFrame): boolean {
    return section.visibleWhen === undefined || this.holds(section.visibleWhen, partFrame);
  }

  isVisible(placed: PlacedQuestion, frame: AnswerFrame): boolean {
    // A definition whose conditions refer to each other in a circle shows neither question.
    if (this.visiting.has(placed)) return false;
    this.visiting.add(placed);
    try {
      if (frame.parent === null && !this.isSectionVisible(placed.section, frame)) return false;
      if (!this.meetsVisibleWhen(placed.question, frame)) return false;
      if (placed.shownBy === null) return true;
      if (!this.isVisible(placed.shownBy.parent, frame)) return false;
      return showsFollowUp(frame.answers[placed.shownBy.parent.question.id], placed.shownBy.on);
    } finally {
      this.visiting.delete(placed);
    }
  }

  /**
   * The question's own `visibleWhen` only, not its section or the answer that shows a follow-up: a screen
   * that lays out follow-ups under their parent has already checked those.
   */
  meetsVisibleWhen(question: Question, frame: AnswerFrame): boolean {
    return question.visibleWhen === undefined || this.holds(question.visibleWhen, frame);
  }

  isRequired(question: Question, frame: AnswerFrame): boolean {
    const required = question.required;
    if (required === undefined || typeof required === 'boolean') return required === true;
    return this.holds(required.when, frame);
  }

  holds(condition: Condition, frame: AnswerFrame): boolean {
    if ('all' in condition) return condition.all.every((c) => this.holds(c, frame));
    if ('any' in condition) return condition.any.some((c) => this.holds(c, frame));
    if ('not' in condition) return !this.holds(condition.not, frame);
    const value = this.valueOf(condition.question, frame);
    if ('equals' in condition) return value === condition.equals;
    if ('notEquals' in condition) return value !== condition.notEquals;
    if ('in' in condition) return condition.in.some((v) => v === value);
    if ('answered' in condition) return isAnswered(value) === condition.answered;
    if ('minItems' in condition) return (Array.isArray(value) ? value.length : 0) >= condition.minItems;
    if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
    if ('onOrAfter' in condition) return this.compareDates(value, condition.onOrAfter, frame, (a, b) => a >= b);
    return this.compareDates(value, condition.onOrBefore, frame, (a, b) => a <= b);
  }

  /** Met when either date is missing or malformed: those are reported as missing or wrongly formatted, once. */
  private compareDates(value: unknown, ref: DateRef, frame: AnswerFrame, ok: (a: string, b: string) => boolean): boolean {
    const other = ref === 'today' ? this.today : this.valueOf(ref.question, frame);
    if (!isIsoDate(value) || !isIsoDate(other)) return true;
    return ok(value, other);
  }
}

function rootOf(frame: AnswerFrame): AnswerFrame {
  let f = frame;
  while (f.parent) f = f.parent;
  return f;
}

/** Whether a yes/no, choice or multi-choice answer shows the follow-ups listed for `on`. */
export function showsFollowUp(parentValue: unknown, on: string | boolean): boolean {
  if (Array.isArray(parentValue)) return typeof on === 'string' && parentValue.includes(on);
  return parentValue === on;
}
