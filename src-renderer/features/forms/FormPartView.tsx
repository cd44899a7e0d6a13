import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionLockView } from '../../../src-preload/api';
import { partFrame, type AnswerReader } from '../../../src-preload/contract/forms';
import { ReadOnlyAnswers } from './AnswerText';
import { defenceCompletes, defenceEditsPart, sectionRoles, useLocalText, type FormPart, type FormRole } from './form-definition-types';
import { FormFieldsContext, type FormFields } from './form-fields-context';
import type { FormIssue } from './issue-text';
import { QuestionField } from './QuestionField';
import { SectionLockNotice } from './SectionLockNotice';

interface Props {
  part: FormPart;
  conditions: AnswerReader;
  problems: ReadonlyMap<string, readonly FormIssue[]>;
  /** False while the form waits in the outbox: it is shown as sent, not as a draft to edit. */
  editable: boolean;
  lock: SectionLockView;
  headingId: string;
  onChange(path: string, value: unknown, partId: string): void;
  /** Focus came into an editable section of this part. */
  onEnter(partId: string): void;
  /** Focus left a field: save what is waiting. */
  onLeaveField(): void;
}

/** One part of the form: its sections, the defence's as fields, the others' as text. */
export function FormPartView({ part, conditions, problems, editable, lock, headingId, onChange, onEnter, onLeaveField }: Props) {
  const { t } = useTranslation();
  const text = useLocalText();
  const frame = partFrame(part, conditions.answers);
  const fields = useMemo<FormFields>(() => ({ conditions, problems, change: (path, value) => onChange(path, value, part.id) }), [conditions, problems, onChange, part.id]);

  return (
    <section aria-labelledby={headingId} className="form-part">
      <h2 id={headingId} tabIndex={-1} className="part-heading">
        {t('forms.partHeading', { number: part.number, title: text(part.title) })}
      </h2>
      {part.help ? <p className="hint">{text(part.help)}</p> : null}
      {defenceEditsPart(part) ? <SectionLockNotice lock={lock} /> : null}
      <FormFieldsContext.Provider value={fields}>
        {part.sections
          .filter((section) => conditions.isSectionVisible(section, frame))
          .map((section) => {
            const ours = editable && defenceCompletes(part, section);
            const sectionHeadingId = `${headingId}-${section.id}`;
            return (
              <section key={section.id} aria-labelledby={sectionHeadingId} className="form-section" data-section={section.id}>
                <h3 id={sectionHeadingId}>{text(section.title)}</h3>
                {defenceCompletes(part, section) ? null : <CompletedBy roles={sectionRoles(part, section)} />}
                {section.help ? <p className="hint">{text(section.help)}</p> : null}
                {ours ? (
                  <div onFocus={() => onEnter(part.id)} onBlur={onLeaveField}>
                    {section.questions.map((question) => (
                      <QuestionField key={question.id} question={question} section={section} frame={frame} parentPath={part.id} level={4} />
                    ))}
                  </div>
                ) : (
                  <ReadOnlyAnswers questions={section.questions} section={section} frame={frame} conditions={conditions} />
                )}
              </section>
            );
          })}
      </FormFieldsContext.Provider>
    </section>
  );
}

/** "Completed by the prosecution" (or the court, or both): why the defence cannot change this section. */
function CompletedBy({ roles }: { roles: readonly FormRole[] }) {
  const { t } = useTranslation();
  const others = roles.filter((role) => role !== 'defence');
  const key = others.length === 2 ? 'forms.completedBy.prosecutionAndCourt' : others[0] === 'court' ? 'forms.completedBy.court' : 'forms.completedBy.prosecution';
  return <p className="completed-by">{t(key)}</p>;
}
