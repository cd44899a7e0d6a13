/**
 * Finds what an answer path names in the definition: the part, the question (or a whole repeating-group
 * item), and the trail of labels a reader needs to recognise it ("Part 3 › Defence witnesses ›
 * Witness 2 › Name"). Issues and conflicts arrive as paths; the screen shows them in words and links
 * them to their fields.
 */
import { itemFrame, parseAnswerPath, partFrame, type AnswerFrame } from '../../../src-preload/contract/forms';
import { itemsOf, type Answers } from './answer-paths';
import { numberedLabel, type FormDefinitionView, type FormPart, type FormQuestion, type FormSection, type LocalText, type RepeatingGroup } from './form-definition-types';

export interface PathLocation {
  readonly part: FormPart;
  readonly section: FormSection;
  /** The question the path ends at; for a path that ends at an item, the group it belongs to. */
  readonly question: FormQuestion;
  /** True when the path names one whole repeating-group item rather than a question's answer. */
  readonly wholeItem: boolean;
  /** The frame the question's answer lives in (for option labels taken from other answers). */
  readonly frame: AnswerFrame;
  /** Labels from the section down to the question; item labels carry their number (`n`). */
  readonly trail: ReadonlyArray<{ text: LocalText; n?: number }>;
}

/** `sources` are searched in order for an item's number (a deleted item may only exist on CP's side). */
export function locatePath(definition: FormDefinitionView, path: string, sources: readonly Answers[]): PathLocation | null {
  const segments = parseAnswerPath(path);
  const first = segments?.[0];
  if (!segments || !first || first.kind !== 'field') return null;
  const part = definition.parts.find((p) => p.id === first.id);
  if (!part) return null;
  let frame = partFrame(part, sources[0] ?? {});
  let section: FormSection | null = null;
  let question: FormQuestion | null = null;
  // The items' answers from each source, following the path down.
  let containers: Answers[] = sources.map((source) => partFrame(part, source).answers);
  const trail: Array<{ text: LocalText; n?: number }> = [];
  for (let index = 1; index < segments.length; index++) {
    const segment = segments[index];
    if (!segment) return null;
    if (segment.kind === 'field') {
      const placed = frame.scope.byId.get(segment.id);
      if (!placed) return null;
      question = placed.question;
      section ??= placed.section;
      if (trail.length === 0) trail.push({ text: placed.section.title });
      trail.push({ text: question.label });
      continue;
    }
    if (!question || question.type !== 'repeatingGroup' || !section) return null;
    const group: RepeatingGroup = question;
    let n: number | undefined;
    let item: Answers | undefined;
    const next: Answers[] = [];
    for (const container of containers) {
      const items = itemsOf(container[group.id]);
      const at = items.findIndex((candidate) => candidate.itemId === segment.itemId);
      const found = items[at];
      if (found) {
        n ??= at + 1;
        item ??= found;
        next.push(found);
      }
    }
    containers = next;
    trail.push({ text: group.itemLabel, ...(n === undefined ? {} : { n }) });
    frame = itemFrame(group, section, item ?? {}, frame);
    if (index === segments.length - 1) return { part, section, question: group, wholeItem: true, frame: frame.parent ?? frame, trail };
  }
  if (!question || !section) return null;
  return { part, section, question, wholeItem: false, frame, trail };
}

/** The trail in words: "The real issues › What are the real issues in the case?". */
export function trailText(location: PathLocation, text: (value: LocalText) => string): string {
  return location.trail.map((step) => (step.n === undefined ? text(step.text) : numberedLabel(text(step.text), step.n))).join(' › ');
}
