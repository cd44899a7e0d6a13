import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { childPath, itemFrame, itemPath, ITEM_ID_KEY, newItemId, type AnswerFrame } from '../../../src-preload/contract/forms';
import { fieldDomId, itemsOf } from './answer-paths';
import { numberedLabel, useLocalText, type FormSection, type RepeatingGroup } from './form-definition-types';
import { useFormFields } from './form-fields-context';
import { useIssueText } from './issue-text';
import { QuestionField } from './QuestionField';

interface Props {
  group: RepeatingGroup;
  section: FormSection;
  frame: AnswerFrame;
  parentPath: string;
  level: number;
}

/**
 * A list of items (witnesses, dates to avoid), each with its own answers. A new item gets its id here
 * (a UUID), so a merge with another person's edits matches items by who they are, never by position.
 */
export function RepeatingGroupField({ group, section, frame, parentPath, level }: Props) {
  const { t } = useTranslation();
  const text = useLocalText();
  const issueText = useIssueText();
  const fields = useFormFields();
  const path = childPath(parentPath, group.id);
  const id = fieldDomId(path);
  const items = itemsOf(frame.answers[group.id]);
  const problems = fields.problems.get(path) ?? [];
  const focusAfter = useRef<{ itemId: string } | 'add' | null>(null);
  const headingLevel = Math.min(level, 6);
  const Heading = `h${headingLevel}` as 'h4';
  const full = group.maxItems !== undefined && items.length >= group.maxItems;
  const required = fields.conditions.isRequired(group, frame);

  useEffect(() => {
    const target = focusAfter.current;
    if (target === null) return;
    const item = target === 'add' ? null : document.getElementById(fieldDomId(itemPath(path, target.itemId)));
    // Kept until the new item is on the page, should a render without it come first; then used once.
    if (target !== 'add' && item === null) return;
    focusAfter.current = null;
    // Its first field, or its heading if none of its questions shows yet.
    const element = item === null ? document.getElementById(id) : (item.querySelector<HTMLElement>('input, textarea, select') ?? item.querySelector<HTMLElement>('.item-heading'));
    element?.focus();
  });

  const add = () => {
    const itemId = newItemId();
    focusAfter.current = { itemId };
    fields.change(path, [...items, { [ITEM_ID_KEY]: itemId }]);
  };
  const remove = (itemId: string) => {
    focusAfter.current = 'add';
    const rest = items.filter((item) => item.itemId !== itemId);
    fields.change(path, rest.length === 0 ? undefined : rest);
  };

  return (
    <fieldset className="field repeating-group" aria-describedby={[group.help ? `${id}-help` : null, problems.length > 0 ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}>
      <legend className="label">
        {text(group.label)}
        {required ? <span className="required-marker"> {t('forms.required')}</span> : null}
      </legend>
      {group.help ? (
        <p className="hint" id={`${id}-help`}>
          {text(group.help)}
        </p>
      ) : null}
      {group.minItems !== undefined && group.minItems > 0 ? <p className="hint">{t('forms.atLeastItems', { min: group.minItems })}</p> : null}
      {problems.length > 0 ? (
        <p className="error-message" id={`${id}-error`}>
          {problems.map((issue) => issueText(issue)).join(' ')}
        </p>
      ) : null}
      {items.length === 0 ? <p className="muted">{t('forms.noItems')}</p> : null}
      {items.map((item, index) => {
        const label = numberedLabel(text(group.itemLabel), index + 1);
        const at = itemPath(path, item.itemId);
        const headingId = `${fieldDomId(at)}-heading`;
        const inner = itemFrame(group, section, item, frame);
        return (
          <div key={item.itemId} id={fieldDomId(at)} className="repeating-item" role="group" aria-labelledby={headingId}>
            <Heading id={headingId} className="item-heading" tabIndex={-1}>
              {label}
            </Heading>
            {group.questions.map((question) => (
              <QuestionField key={question.id} question={question} section={section} frame={inner} parentPath={at} level={headingLevel + 1} />
            ))}
            <button type="button" className="button button-secondary" aria-label={t('forms.removeItemLabel', { label })} onClick={() => remove(item.itemId)}>
              {t('forms.removeItem')}
            </button>
          </div>
        );
      })}
      {full ? (
        <p className="hint" id={id} tabIndex={-1}>
          {t('forms.atMostItems', { max: group.maxItems ?? 0 })}
        </p>
      ) : (
        <button type="button" id={id} className="button button-secondary" onClick={add}>
          {t('forms.addItem', { label: numberedLabel(text(group.itemLabel), items.length + 1) })}
        </button>
      )}
    </fieldset>
  );
}
