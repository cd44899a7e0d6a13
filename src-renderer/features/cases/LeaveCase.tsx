import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, ContractError } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';

/**
 * Disassociating is what tells the LAA the firm no longer acts, so it takes a deliberate second step.
 * Offline it waits in the outbox, shown as pending on My cases.
 */
export function LeaveCase({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<'disassociated' | 'pending' | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const leave = async (defendantId: string) => {
    setConfirming(null);
    setError(null);
    const result = await bridge.call('cases.disassociate', { caseId: detail.summary.id, defendantId });
    if (result.ok) setOutcome(result.value.state);
    else setError(result.error);
  };

  return (
    <section aria-labelledby="leave-title" className="section">
      <h2 id="leave-title">{t('case.leaveTitle')}</h2>
      {outcome ? <p role="status">{t(outcome === 'pending' ? 'case.leavePending' : 'case.leaveDone')}</p> : null}
      <ErrorMessage error={error} />
      <ul className="plain-list">
        {detail.defendants.map((defendant) => (
          <li key={defendant.id}>
            {confirming === defendant.id ? (
              <span className="confirm-inline" role="group" aria-label={t('case.leaveFor', { name: defendant.name })}>
                <span>{t('case.leaveConfirm', { name: defendant.name })}</span>
                <button type="button" className="button button-warning" onClick={() => void leave(defendant.id)}>
                  {t('case.leaveConfirmButton')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
                  {t('session.cancel')}
                </button>
              </span>
            ) : (
              <button type="button" className="button button-secondary" disabled={outcome !== null} onClick={() => setConfirming(defendant.id)}>
                {t('case.leaveFor', { name: defendant.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
