import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdvocateStatusSchema, type CheckIn, type ContractError } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DefendantChoice } from '../../ui/DefendantChoice';

type AdvocateStatus = (typeof AdvocateStatusSchema.options)[number];

interface Props {
  caseId: string;
  hearingId: string;
  defendants: ReadonlyArray<{ id: string; name: string }>;
  onDone(checkIn: CheckIn): void;
  onCancel(): void;
}

/** Your status and the defendants you represent today; online it goes at once, offline it waits. */
export function CheckInForm({ caseId, hearingId, defendants, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AdvocateStatus | null>(null);
  const [defendantIds, setDefendantIds] = useState<string[]>(() => defendants.map((defendant) => defendant.id));
  const [problem, setProblem] = useState<'noStatus' | 'noDefendants' | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { status: useId(), defendants: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!status) return setProblem('noStatus');
    if (defendantIds.length === 0) return setProblem('noDefendants');
    setProblem(null);
    setBusy(true);
    const result = await bridge.call('hearings.checkIn', { caseId, hearingId, status, defendantIds });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  return (
    <form className="check-in-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="radios" aria-describedby={problem === 'noStatus' ? ids.status : undefined}>
        <legend className="label">{t('checkIn.statusLabel')}</legend>
        {problem === 'noStatus' ? (
          <p className="error-message" id={ids.status}>
            {t('checkIn.problems.noStatus')}
          </p>
        ) : null}
        {AdvocateStatusSchema.options.map((value) => (
          <label key={value} className="radio">
            <input type="radio" name={`${ids.status}-status`} value={value} checked={status === value} onChange={() => setStatus(value)} />
            {t(`checkIn.status.${value}`)}
          </label>
        ))}
      </fieldset>
      <DefendantChoice
        className="radios"
        legend={t('checkIn.defendantsLabel')}
        defendants={defendants}
        selected={defendantIds}
        onChange={setDefendantIds}
        problem={problem === 'noDefendants' ? t('checkIn.problems.noDefendants') : null}
        problemId={ids.defendants}
      />
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy}>
          {t('checkIn.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('checkIn.cancel')}
        </button>
      </div>
    </form>
  );
}
