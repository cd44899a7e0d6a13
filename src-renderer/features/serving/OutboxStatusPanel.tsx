import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useServingStore } from './serving-store';

/** How much waits, why the queue is paused if it is, and "Send now". */
export function OutboxStatusPanel() {
  const { t } = useTranslation();
  const status = useServingStore((state) => state.status);
  const [error, setError] = useState<ContractError | null>(null);
  const [asked, setAsked] = useState(false);
  if (!status) return null;

  const sendNow = async () => {
    setError(null);
    setAsked(true);
    const result = await bridge.call('serving.sendNow', {});
    if (result.ok) useServingStore.setState({ status: result.value });
    else setError(result.error);
  };

  return (
    <>
      <div className="panel" role="status" aria-live="polite" data-testid="outbox-status">
        <p>
          <strong>{status.unsent === 0 ? t('outbox.nothingWaiting') : t('outbox.unsentCount', { count: status.unsent })}</strong>
        </p>
        {status.uploading > 0 ? <p>{t('outbox.uploadingCount', { count: status.uploading })}</p> : null}
        {status.refused > 0 ? <p>{t('outbox.refusedCount', { count: status.refused })}</p> : null}
        {status.pausedFor ? <p className="notice">{t(`outbox.pausedFor.${status.pausedFor}`)}</p> : null}
        {asked && status.unsent > 0 && !status.pausedFor ? <p className="muted">{t('outbox.sendingNow')}</p> : null}
      </div>
      <div className="button-row toolbar">
        <button type="button" className="button" onClick={() => void sendNow()}>
          {t('outbox.sendNow')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </>
  );
}
