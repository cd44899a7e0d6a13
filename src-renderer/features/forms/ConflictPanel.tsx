import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, FormView } from '../../../src-preload/api';
import { AnswerReader } from '../../../src-preload/contract/forms';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { AnswerText, ItemText } from './AnswerText';
import { fieldDomId } from './answer-paths';
import { useLocalText } from './form-definition-types';
import { locatePath, trailText, type PathLocation } from './path-location';

type Take = 'mine' | 'theirs';
type Conflict = NonNullable<FormView['draft']>['conflicts'][number];

interface Props {
  view: FormView;
  onResolve(choices: Array<{ path: string; take: Take }>): Promise<ContractError | null>;
}

/**
 * CP's copy changed the same answers the user changed: both values stay on screen side by side until
 * the user picks one for each. Answers changed on one side only were merged by main already.
 */
export function ConflictPanel({ view, onResolve }: Props) {
  const { t } = useTranslation();
  const text = useLocalText();
  const conflicts = view.draft?.conflicts ?? [];
  const [choices, setChoices] = useState<Record<string, Take>>({});
  const [unchosen, setUnchosen] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  // Without `today`, as on the form screen: main's validation, on its clock, judges dates against it.
  const conditions = useMemo(() => new AnswerReader(view.definition, view.answers, null), [view.definition, view.answers]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing = conflicts.find((conflict) => choices[conflict.path] === undefined);
    if (missing) {
      setUnchosen(true);
      document.getElementById(`${fieldDomId(missing.path)}-mine`)?.focus();
      return;
    }
    setUnchosen(false);
    setBusy(true);
    setError(await onResolve(conflicts.map((conflict) => ({ path: conflict.path, take: choices[conflict.path] ?? 'mine' }))));
    setBusy(false);
  };

  return (
    <section className="section conflict-panel" aria-labelledby="form-conflicts-title">
      <h2 id="form-conflicts-title">{t('forms.conflicts.title')}</h2>
      <p>{t('forms.conflicts.intro', { count: conflicts.length })}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {conflicts.map((conflict) => {
          const where = locatePath(view.definition, conflict.path, [view.answers, view.cp.data]);
          const part = where?.part.number;
          const label = where ? `${t('forms.partShort', { number: part ?? '' })} › ${trailText(where, text)}` : conflict.path;
          const id = fieldDomId(conflict.path);
          const notChosen = unchosen && choices[conflict.path] === undefined;
          return (
            <fieldset key={conflict.path} className="conflict" aria-describedby={notChosen ? `${id}-conflict-error` : undefined} data-path={conflict.path}>
              <legend className="label">{label}</legend>
              {notChosen ? (
                <p className="error-message" id={`${id}-conflict-error`}>
                  {t('forms.conflicts.chooseOne')}
                </p>
              ) : null}
              <div className="conflict-values">
                <div className="conflict-value">
                  <p className="conflict-side">{t('forms.conflicts.yours')}</p>
                  <ConflictValue where={where} value={conflict.mine} conditions={conditions} />
                </div>
                <div className="conflict-value">
                  <p className="conflict-side">{t('forms.conflicts.theirs')}</p>
                  <ConflictValue where={where} value={conflict.theirs} conditions={conditions} />
                </div>
              </div>
              <div className="radio-row">
                {(['mine', 'theirs'] as const).map((take) => (
                  <label key={take} className="radio">
                    <input
                      type="radio"
                      id={`${id}-${take}`}
                      name={`${id}-take`}
                      checked={choices[conflict.path] === take}
                      onChange={() => setChoices((all) => ({ ...all, [conflict.path]: take }))}
                    />
                    {take === 'mine' ? t('forms.conflicts.keepMine') : t('forms.conflicts.takeTheirs')}
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        {unchosen ? (
          <p className="error-message" role="alert">
            {t('forms.conflicts.chooseEvery')}
          </p>
        ) : null}
        <ErrorMessage error={error} />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('forms.conflicts.use')}
        </button>
      </form>
    </section>
  );
}

function ConflictValue({ where, value, conditions }: { where: PathLocation | null; value: Conflict['mine']; conditions: AnswerReader }) {
  const { t } = useTranslation();
  if (!where) return <span className="answer-text">{value === undefined ? t('forms.notAnswered') : JSON.stringify(value)}</span>;
  if (where.wholeItem && where.question.type === 'repeatingGroup') {
    return <ItemText group={where.question} item={value} n={where.trail.at(-1)?.n} section={where.section} frame={where.frame} conditions={conditions} />;
  }
  return <AnswerText question={where.question} value={value} section={where.section} frame={where.frame} conditions={conditions} />;
}
