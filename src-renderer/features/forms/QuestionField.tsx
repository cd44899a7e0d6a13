import { useTranslation } from 'react-i18next';
import { childPath, showsFollowUp, type AnswerFrame } from '../../../src-preload/contract/forms';
import { fieldDomId } from './answer-paths';
import type { FormQuestion, FormSection } from './form-definition-types';
import { useLocalText } from './form-definition-types';
import { useFormFields } from './form-fields-context';
import { useIssueText, type FormIssue } from './issue-text';
import { choiceOptions } from './choice-options';
import { RepeatingGroupField } from './RepeatingGroupField';

interface Props {
  question: FormQuestion;
  section: FormSection;
  frame: AnswerFrame;
  /** The path of the answer object the question lives in (`part3`, or an item's path). */
  parentPath: string;
  /** The heading level for a repeating group's items. */
  level: number;
}

/** More options than this read better as a drop-down than as a column of radios. */
const MAX_RADIOS = 7;

/** One question of the definition, as the control its type calls for, with its follow-ups beneath. */
export function QuestionField({ question, section, frame, parentPath, level }: Props) {
  const fields = useFormFields();
  if (!fields.conditions.meetsVisibleWhen(question, frame)) return null;
  if (question.type === 'repeatingGroup') {
    return <RepeatingGroupField group={question} section={section} frame={frame} parentPath={parentPath} level={level} />;
  }
  const value = frame.answers[question.id];
  const followUps = question.type === 'yesNo' || question.type === 'choice' || question.type === 'multiChoice' ? (question.followUps ?? []) : [];
  const shown = followUps.filter((followUp) => showsFollowUp(value, followUp.on));
  return (
    <div className="field form-question">
      <QuestionControl question={question} frame={frame} path={childPath(parentPath, question.id)} value={value} />
      {shown.length > 0 ? (
        <div className="follow-ups">
          {shown.flatMap((followUp) =>
            followUp.questions.map((child) => (
              <QuestionField key={`${String(followUp.on)}-${child.id}`} question={child} section={section} frame={frame} parentPath={parentPath} level={level} />
            )),
          )}
        </div>
      ) : null}
    </div>
  );
}

function QuestionControl({ question, frame, path, value }: { question: Exclude<FormQuestion, { type: 'repeatingGroup' }>; frame: AnswerFrame; path: string; value: unknown }) {
  const { t } = useTranslation();
  const fields = useFormFields();
  const text = useLocalText();
  const id = fieldDomId(path);
  const problems = fields.problems.get(path) ?? [];
  const describedBy = [question.help ? `${id}-help` : null, problems.length > 0 ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const invalid = problems.length > 0 ? true : undefined;
  const set = (next: unknown) => fields.change(path, next);
  const setText = (next: string) => set(next === '' ? undefined : next);
  const heading = <LabelText question={question} frame={frame} />;
  const extras = <HelpAndProblems id={id} question={question} problems={problems} />;

  switch (question.type) {
    case 'shortText':
    case 'email':
    case 'phone':
    case 'date':
      return (
        <>
          <label className="label" htmlFor={id}>
            {heading}
          </label>
          {extras}
          <input
            id={id}
            className={question.type === 'date' ? 'input input-short' : 'input'}
            type={question.type === 'email' ? 'email' : question.type === 'phone' ? 'tel' : question.type === 'date' ? 'date' : 'text'}
            autoComplete="off"
            spellCheck={question.type === 'shortText'}
            value={typeof value === 'string' ? value : ''}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => setText(event.target.value)}
          />
        </>
      );
    case 'longText':
      return (
        <>
          <label className="label" htmlFor={id}>
            {heading}
          </label>
          {extras}
          <textarea
            id={id}
            className="input textarea"
            rows={4}
            value={typeof value === 'string' ? value : ''}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => setText(event.target.value)}
          />
        </>
      );
    case 'number':
      return (
        <>
          <label className="label" htmlFor={id}>
            {heading}
          </label>
          {extras}
          <span className="number-field">
            <input
              id={id}
              className="input input-short"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              // A finished number is stored as one; anything else as typed, so the engine can say what is wrong.
              onChange={(event) => {
                const typed = event.target.value.trim();
                set(typed === '' ? undefined : /^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : event.target.value);
              }}
            />
            {question.unit ? <span className="unit">{text(question.unit)}</span> : null}
          </span>
        </>
      );
    case 'yesNo':
      return (
        <fieldset className="radios" aria-describedby={describedBy}>
          <legend className="label">{heading}</legend>
          {extras}
          <div className="radio-row">
            {[true, false].map((option, index) => (
              <label key={String(option)} className="radio">
                <input type="radio" id={index === 0 ? id : undefined} name={id} checked={value === option} aria-invalid={invalid} onChange={() => set(option)} />
                {option ? t('forms.yes') : t('forms.no')}
              </label>
            ))}
          </div>
        </fieldset>
      );
    case 'choice':
    case 'multiChoice': {
      const options = choiceOptions(question, frame, fields.conditions, text);
      if (options.length === 0) {
        return (
          <>
            <p className="label">{heading}</p>
            {extras}
            <p className="muted" id={id} tabIndex={-1}>
              {t('forms.noOptionsYet')}
            </p>
          </>
        );
      }
      if (question.type === 'multiChoice') {
        const selected = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
        return (
          <fieldset className="radios" aria-describedby={describedBy}>
            <legend className="label">{heading}</legend>
            {extras}
            {options.map((option, index) => (
              <label key={option.value} className="checkbox">
                <input
                  type="checkbox"
                  id={index === 0 ? id : undefined}
                  checked={selected.includes(option.value)}
                  aria-invalid={invalid}
                  onChange={(event) => {
                    const next = event.target.checked ? [...selected, option.value] : selected.filter((v) => v !== option.value);
                    set(next.length === 0 ? undefined : next);
                  }}
                />
                {option.label}
              </label>
            ))}
          </fieldset>
        );
      }
      if (options.length > MAX_RADIOS) {
        return (
          <>
            <label className="label" htmlFor={id}>
              {heading}
            </label>
            {extras}
            <select id={id} className="select" value={typeof value === 'string' ? value : ''} aria-describedby={describedBy} aria-invalid={invalid} onChange={(event) => setText(event.target.value)}>
              <option value="">{t('forms.chooseOne')}</option>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </>
        );
      }
      return (
        <fieldset className="radios" aria-describedby={describedBy}>
          <legend className="label">{heading}</legend>
          {extras}
          {options.map((option, index) => (
            <label key={option.value} className="radio">
              <input type="radio" id={index === 0 ? id : undefined} name={id} checked={value === option.value} aria-invalid={invalid} onChange={() => set(option.value)} />
              {option.label}
            </label>
          ))}
        </fieldset>
      );
    }
    default: {
      const unreachable: never = question;
      return unreachable;
    }
  }
}

/** A question's label with "(required)" in words where the form needs an answer now. */
function LabelText({ question, frame }: { question: FormQuestion; frame: AnswerFrame }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const fields = useFormFields();
  return (
    <>
      {text(question.label)}
      {fields.conditions.isRequired(question, frame) ? <span className="required-marker"> {t('forms.required')}</span> : null}
    </>
  );
}

function HelpAndProblems({ id, question, problems }: { id: string; question: FormQuestion; problems: readonly FormIssue[] }) {
  const text = useLocalText();
  const issueText = useIssueText();
  return (
    <>
      {question.help ? (
        <p className="hint" id={`${id}-help`}>
          {text(question.help)}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <p className="error-message" id={`${id}-error`}>
          {problems.map((issue) => issueText(issue)).join(' ')}
        </p>
      ) : null}
    </>
  );
}
