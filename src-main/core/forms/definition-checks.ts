/**
 * What the schema cannot say about a definition: ids unique in their answer scope, every reference
 * resolving to a question, follow-ups keyed by answers the question can have, options from a real
 * repeating group. A definition that fails these would validate or merge the wrong answers, so the
 * loader refuses it with the list of problems.
 */
import type { Condition, CrossFieldRule, FormDefinition, Part, Question, Section } from '../../../src-preload/contract/forms/form-definition-schema';
import { ITEM_ID_KEY } from '../../../src-preload/contract/forms/form-answers';
import { findPart, groupScope, partScope, type QuestionScope } from '../../../src-preload/contract/forms/question-scopes';

export function definitionProblems(definition: FormDefinition): string[] {
  const problems: string[] = [];
  duplicates(definition.parts.map((p) => p.id), 'part id', problems, definition.id);
  duplicates(definition.parts.map((p) => String(p.number)), 'part number', problems, definition.id);
  for (const part of definition.parts) {
    duplicates(part.sections.map((s) => s.id), 'section id', problems, part.id);
    const scope = partScope(part);
    checkScope(scope, part.id, problems);
    const chain = [scope];
    for (const section of part.sections) {
      if (section.visibleWhen) checkCondition(section.visibleWhen, definition, chain, `${part.id} › ${section.id}`, problems);
    }
    for (const placed of scope.placed) checkQuestion(placed.question, placed.section, definition, chain, `${part.id} › ${placed.question.id}`, problems);
    for (const rule of part.rules ?? []) checkRule(rule, definition, chain, `${part.id} › rule ${rule.id}`, problems);
  }
  return problems;
}

function duplicates(ids: readonly string[], what: string, problems: string[], where: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${where}: ${what} "${id}" is used twice`);
    seen.add(id);
  }
}

function checkScope(scope: QuestionScope, where: string, problems: string[]): void {
  duplicates(scope.placed.map((p) => p.question.id), 'question id', problems, where);
  if (scope.byId.has(ITEM_ID_KEY)) problems.push(`${where}: "${ITEM_ID_KEY}" is reserved for repeating-group item ids`);
}

function checkQuestion(question: Question, section: Section, definition: FormDefinition, chain: readonly QuestionScope[], where: string, problems: string[]): void {
  if (question.visibleWhen) checkCondition(question.visibleWhen, definition, chain, where, problems);
  if (question.required !== undefined && typeof question.required !== 'boolean') checkCondition(question.required.when, definition, chain, where, problems);
  switch (question.type) {
    case 'shortText':
      try {
        if (question.pattern) new RegExp(question.pattern.regex, 'u');
      } catch {
        problems.push(`${where}: pattern is not a valid regular expression`);
      }
      if (question.minLength !== undefined && question.maxLength !== undefined && question.minLength > question.maxLength) problems.push(`${where}: minLength is above maxLength`);
      return;
    case 'longText':
    case 'date':
    case 'email':
    case 'phone':
      return;
    case 'number':
      if (question.min !== undefined && question.max !== undefined && question.min > question.max) problems.push(`${where}: min is above max`);
      return;
    case 'yesNo':
      for (const followUp of question.followUps ?? []) {
        if (typeof followUp.on !== 'boolean') problems.push(`${where}: a yes/no follow-up must be on true or false`);
      }
      return;
    case 'choice':
    case 'multiChoice': {
      if ((question.options === undefined) === (question.optionsFrom === undefined)) problems.push(`${where}: give exactly one of options and optionsFrom`);
      if (question.options) duplicates(question.options.map((o) => o.value), 'option value', problems, where);
      if (question.optionsFrom) {
        const target = resolveStatic(question.optionsFrom.question, definition, chain);
        if (!target || target.type !== 'repeatingGroup') problems.push(`${where}: optionsFrom must name a repeating group`);
        else if (!target.questions.some((q) => q.id === question.optionsFrom?.label)) problems.push(`${where}: optionsFrom label "${question.optionsFrom.label}" is not a question of ${target.id}`);
      }
      const values = new Set(question.options?.map((o) => o.value) ?? []);
      for (const followUp of question.followUps ?? []) {
        if (typeof followUp.on !== 'string' || !values.has(followUp.on)) problems.push(`${where}: a follow-up is on "${String(followUp.on)}", which is not one of the options`);
      }
      if (question.type === 'multiChoice' && question.minSelected !== undefined && question.maxSelected !== undefined && question.minSelected > question.maxSelected) {
        problems.push(`${where}: minSelected is above maxSelected`);
      }
      return;
    }
    case 'repeatingGroup': {
      if (question.minItems !== undefined && question.maxItems !== undefined && question.minItems > question.maxItems) problems.push(`${where}: minItems is above maxItems`);
      const scope = groupScope(question, section);
      checkScope(scope, where, problems);
      const inner = [scope, ...chain];
      for (const placed of scope.placed) checkQuestion(placed.question, section, definition, inner, `${where} › ${placed.question.id}`, problems);
      for (const rule of question.rules ?? []) checkRule(rule, definition, inner, `${where} › rule ${rule.id}`, problems);
      return;
    }
    default: {
      const unreachable: never = question;
      throw new Error(`unknown question type ${JSON.stringify(unreachable)}`);
    }
  }
}

function checkRule(rule: CrossFieldRule, definition: FormDefinition, chain: readonly QuestionScope[], where: string, problems: string[]): void {
  if (rule.when) checkCondition(rule.when, definition, chain, where, problems);
  checkCondition(rule.require, definition, chain, where, problems);
  if (!chain[0]?.byId.has(rule.reportAt)) problems.push(`${where}: reportAt "${rule.reportAt}" is not a question of this scope`);
}

function checkCondition(condition: Condition, definition: FormDefinition, chain: readonly QuestionScope[], where: string, problems: string[]): void {
  if ('all' in condition) return condition.all.forEach((c) => checkCondition(c, definition, chain, where, problems));
  if ('any' in condition) return condition.any.forEach((c) => checkCondition(c, definition, chain, where, problems));
  if ('not' in condition) return checkCondition(condition.not, definition, chain, where, problems);
  if (!resolveStatic(condition.question, definition, chain)) problems.push(`${where}: condition refers to "${condition.question}", which does not exist here`);
  const ref = 'onOrAfter' in condition ? condition.onOrAfter : 'onOrBefore' in condition ? condition.onOrBefore : null;
  if (ref !== null && ref !== 'today' && !resolveStatic(ref.question, definition, chain)) problems.push(`${where}: date comparison refers to "${ref.question}", which does not exist here`);
}

/** The question a reference names, looking outward from the innermost scope as the evaluator does. */
function resolveStatic(ref: string, definition: FormDefinition, chain: readonly QuestionScope[]): Question | null {
  const dot = ref.indexOf('.');
  if (dot >= 0) {
    const part: Part | undefined = findPart(definition, ref.slice(0, dot));
    return part ? (partScope(part).byId.get(ref.slice(dot + 1))?.question ?? null) : null;
  }
  for (const scope of chain) {
    const placed = scope.byId.get(ref);
    if (placed) return placed.question;
  }
  return null;
}
