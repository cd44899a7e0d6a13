/**
 * Which questions the form asks now: follow-ups shown by their trigger answer, `visibleWhen` and
 * conditional `required`. The renderer reaches main only through the contract, so it evaluates the
 * definition's small condition language itself; the rules are the engine's (core/forms
 * condition-evaluation.ts): ids resolve in the current repeating-group item first, then outwards to the
 * part; `partN.id` names another part's question; a hidden question's answer counts as not given.
 */
import { isAnswered, isRecord, type Answers } from './answer-paths';
import type { Condition, FormDefinitionView, FormPart, FormQuestion, FormSection, RepeatingGroup } from './form-definition-types';

interface Placed {
  readonly question: FormQuestion;
  readonly section: FormSection;
  readonly shownBy: { readonly parent: Placed; readonly on: string | boolean } | null;
}
type Scope = ReadonlyMap<string, Placed>;

/** One answer object (a part's, or a repeating-group item's) and the scope its ids resolve in. */
export interface AnswerFrame {
  readonly part: FormPart;
  readonly scope: Scope;
  readonly answers: Answers;
  readonly parent: AnswerFrame | null;
}

const scopes = new WeakMap<object, Scope>();

function scopeOf(key: object, section: FormSection | null, questionsBySection: ReadonlyArray<[FormSection, readonly FormQuestion[]]>): Scope {
  const cached = scopes.get(key);
  if (cached) return cached;
  const byId = new Map<string, Placed>();
  const place = (questions: readonly FormQuestion[], where: FormSection, shownBy: Placed['shownBy']) => {
    for (const question of questions) {
      const placed: Placed = { question, section: where, shownBy };
      if (!byId.has(question.id)) byId.set(question.id, placed);
      if (question.type === 'yesNo' || question.type === 'choice' || question.type === 'multiChoice') {
        for (const followUp of question.followUps ?? []) place(followUp.questions, where, { parent: placed, on: followUp.on });
      }
    }
  };
  for (const [where, questions] of questionsBySection) place(questions, section ?? where, null);
  scopes.set(key, byId);
  return byId;
}

export function partFrame(part: FormPart, answers: Answers): AnswerFrame {
  const scope = scopeOf(part, null, part.sections.map((section) => [section, section.questions]));
  const own = answers[part.id];
  return { part, scope, answers: isRecord(own) ? own : {}, parent: null };
}

export function itemFrame(group: RepeatingGroup, section: FormSection, item: Answers, parent: AnswerFrame): AnswerFrame {
  return { part: parent.part, scope: scopeOf(group, section, [[section, group.questions]]), answers: item, parent };
}

/** Whether a yes/no, choice or multi-choice answer shows the follow-ups listed for `on`. */
export function showsFollowUp(parentValue: unknown, on: string | boolean): boolean {
  if (Array.isArray(parentValue)) return typeof on === 'string' && parentValue.includes(on);
  return parentValue === on;
}

export class FormConditions {
  readonly #visiting = new Set<Placed>();

  constructor(
    readonly definition: FormDefinitionView,
    readonly answers: Answers,
  ) {}

  /** The frame and placed question a reference names, seen from `frame`. */
  resolve(ref: string, frame: AnswerFrame): { placed: Placed; frame: AnswerFrame } | null {
    const dot = ref.indexOf('.');
    if (dot >= 0) {
      const part = this.definition.parts.find((p) => p.id === ref.slice(0, dot));
      if (!part) return null;
      let root = frame;
      while (root.parent) root = root.parent;
      const target = part === root.part ? root : partFrame(part, this.answers);
      const placed = target.scope.get(ref.slice(dot + 1));
      return placed ? { placed, frame: target } : null;
    }
    for (let f: AnswerFrame | null = frame; f; f = f.parent) {
      const placed = f.scope.get(ref);
      if (placed) return { placed, frame: f };
    }
    return null;
  }

  sectionVisible(section: FormSection, frame: AnswerFrame): boolean {
    return section.visibleWhen === undefined || this.holds(section.visibleWhen, frame);
  }

  /** `visibleWhen` of a question in this frame (follow-ups are shown by their parent, who knows its answer). */
  questionVisible(question: FormQuestion, frame: AnswerFrame): boolean {
    return question.visibleWhen === undefined || this.holds(question.visibleWhen, frame);
  }

  required(question: FormQuestion, frame: AnswerFrame): boolean {
    const required = question.required;
    if (required === undefined || typeof required === 'boolean') return required === true;
    return this.holds(required.when, frame);
  }

  valueOf(ref: string, frame: AnswerFrame): unknown {
    const resolved = this.resolve(ref, frame);
    if (!resolved || !this.#visible(resolved.placed, resolved.frame)) return undefined;
    return resolved.frame.answers[resolved.placed.question.id];
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
    // Date comparisons are validation rules the engine reports; they never hide a question on screen.
    return true;
  }

  #visible(placed: Placed, frame: AnswerFrame): boolean {
    // Conditions that refer to each other in a circle show neither question (as the engine decides).
    if (this.#visiting.has(placed)) return false;
    this.#visiting.add(placed);
    try {
      if (frame.parent === null && !this.sectionVisible(placed.section, frame)) return false;
      if (!this.questionVisible(placed.question, frame)) return false;
      if (placed.shownBy === null) return true;
      if (!this.#visible(placed.shownBy.parent, frame)) return false;
      return showsFollowUp(frame.answers[placed.shownBy.parent.question.id], placed.shownBy.on);
    } finally {
      this.#visiting.delete(placed);
    }
  }
}
