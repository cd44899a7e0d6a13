import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { isAnswered, isRecord, itemFrame, showsFollowUp, type AnswerFrame, type AnswerReader } from '../../../src-preload/contract/forms';
import { itemsOf } from './answer-paths';
import { choiceOptions, optionLabel } from './choice-options';
import { numberedLabel, useLocalText, type FormQuestion, type FormSection, type RepeatingGroup } from './form-definition-types';

interface Common {
  section: FormSection;
  frame: AnswerFrame;
  conditions: AnswerReader;
}

/** An answer as a reader sees it: option labels, Yes/No, dates in words, a list's items one by one. */
export function AnswerText({ question, value, ...common }: Common & { question: FormQuestion; value: unknown }) {
  const { t } = useTranslation();
  const text = useLocalText();
  if (!isAnswered(value)) return <span className="muted">{t('forms.notAnswered')}</span>;
  switch (question.type) {
    case 'shortText':
    case 'longText':
    case 'email':
    case 'phone':
      return <span className="answer-text">{String(value)}</span>;
    case 'date':
      return <span>{typeof value === 'string' ? formatDate(value) : String(value)}</span>;
    case 'yesNo':
      return <span>{value === true ? t('forms.yes') : value === false ? t('forms.no') : String(value)}</span>;
    case 'number':
      return <span>{question.unit ? `${String(value)} ${text(question.unit)}` : String(value)}</span>;
    case 'choice':
    case 'multiChoice': {
      const options = choiceOptions(question, common.frame, common.conditions, text);
      const values: unknown[] = Array.isArray(value) ? value : [value];
      return <span>{values.map((v) => optionLabel(options, v)).join('; ')}</span>;
    }
    case 'repeatingGroup':
      return (
        <ol className="answer-items">
          {itemsOf(value).map((item, index) => (
            <li key={item.itemId}>
              <ItemText group={question} item={item} n={index + 1} {...common} />
            </li>
          ))}
        </ol>
      );
    default: {
      const unreachable: never = question;
      return unreachable;
    }
  }
}

/** One repeating-group item with its answers (also used for a whole item in a conflict). */
export function ItemText({ group, item, n, ...common }: Common & { group: RepeatingGroup; item: unknown; n: number | undefined }) {
  const { t } = useTranslation();
  const text = useLocalText();
  if (!isRecord(item)) return <span className="muted">{t('forms.itemRemoved')}</span>;
  const frame = itemFrame(group, common.section, item, common.frame);
  return (
    <>
      <span className="item-title">{n === undefined ? text(group.label) : numberedLabel(text(group.itemLabel), n)}</span>
      <ReadOnlyAnswers questions={group.questions} section={common.section} frame={frame} conditions={common.conditions} />
    </>
  );
}

/** Questions and their answers as a description list, follow-ups included where their answer shows them. */
export function ReadOnlyAnswers({ questions, ...common }: Common & { questions: readonly FormQuestion[] }) {
  const text = useLocalText();
  const rows: Array<{ question: FormQuestion }> = [];
  const collect = (list: readonly FormQuestion[]) => {
    for (const question of list) {
      if (!common.conditions.meetsVisibleWhen(question, common.frame)) continue;
      rows.push({ question });
      if (question.type === 'yesNo' || question.type === 'choice' || question.type === 'multiChoice') {
        for (const followUp of question.followUps ?? []) if (showsFollowUp(common.frame.answers[question.id], followUp.on)) collect(followUp.questions);
      }
    }
  };
  collect(questions);
  return (
    <dl className="answers">
      {rows.map(({ question }) => (
        <div key={question.id} className="answer-row">
          <dt>{text(question.label)}</dt>
          <dd>
            <AnswerText question={question} value={common.frame.answers[question.id]} {...common} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
