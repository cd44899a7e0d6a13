/**
 * A definition seen as answer scopes: a part's top-level questions (every section, follow-ups
 * included) share one answer object, and each repeating group's sub-questions share one per item.
 * Validation, merging and printing all walk the definition this way.
 */
import type { FormDefinition, Part, Question, RepeatingGroupQuestion, Role, Section } from './form-definition-schema';

export interface PlacedQuestion {
  readonly question: Question;
  readonly section: Section;
  /** The question this one follows up and the answer that shows it; null for a question always asked. */
  readonly shownBy: { readonly parent: PlacedQuestion; readonly on: string | boolean } | null;
}

export interface QuestionScope {
  /** Display order: each question, then its follow-ups. */
  readonly placed: readonly PlacedQuestion[];
  readonly byId: ReadonlyMap<string, PlacedQuestion>;
}

const partScopes = new WeakMap<Part, QuestionScope>();
const groupScopes = new WeakMap<RepeatingGroupQuestion, QuestionScope>();

function place(questions: readonly Question[], section: Section, shownBy: PlacedQuestion['shownBy'], into: PlacedQuestion[]): void {
  for (const question of questions) {
    const placed: PlacedQuestion = { question, section, shownBy };
    into.push(placed);
    if (question.type === 'yesNo' || question.type === 'choice' || question.type === 'multiChoice') {
      for (const followUp of question.followUps ?? []) place(followUp.questions, section, { parent: placed, on: followUp.on }, into);
    }
  }
}

function scopeOf(placed: PlacedQuestion[]): QuestionScope {
  const byId = new Map<string, PlacedQuestion>();
  // First wins: duplicates are reported by the definition checks, never silently merged.
  for (const p of placed) if (!byId.has(p.question.id)) byId.set(p.question.id, p);
  return { placed, byId };
}

export function partScope(part: Part): QuestionScope {
  let scope = partScopes.get(part);
  if (!scope) {
    const placed: PlacedQuestion[] = [];
    for (const section of part.sections) place(section.questions, section, null, placed);
    scope = scopeOf(placed);
    partScopes.set(part, scope);
  }
  return scope;
}

/** A repeating group's item scope; its questions belong to the section the group sits in. */
export function groupScope(group: RepeatingGroupQuestion, section: Section): QuestionScope {
  let scope = groupScopes.get(group);
  if (!scope) {
    const placed: PlacedQuestion[] = [];
    place(group.questions, section, null, placed);
    scope = scopeOf(placed);
    groupScopes.set(group, scope);
  }
  return scope;
}

export function findPart(definition: FormDefinition, partId: string): Part | undefined {
  return definition.parts.find((p) => p.id === partId);
}

/** Who completes a section: its own list, else its part's. */
export function sectionRoles(part: Part, section: Section): readonly Role[] {
  return section.completedBy ?? part.completedBy;
}

export function canComplete(part: Part, section: Section, role: Role): boolean {
  return sectionRoles(part, section).includes(role);
}

/** True when the role completes any section of the part, so the part is one it sends to CP. */
export function completesAnyOf(part: Part, role: Role): boolean {
  return part.sections.some((section) => canComplete(part, section, role));
}
