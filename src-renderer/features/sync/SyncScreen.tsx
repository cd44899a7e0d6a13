import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { useCasesStore } from '../../stores/cases-store';
import { errorText } from '../../i18n';
import { formatBytes, formatDateTime } from '../../ui/format';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { StorageBudget } from './StorageBudget';

/** What sync is doing, what failed and why, with retry. */
export function SyncScreen() {
  const { t } = useTranslation();
  const sync = useCasesStore((state) => state.sync);
  const cases = useCasesStore((state) => state.list);
  const setView = useAppStore((state) => state.setView);
  if (!sync) return <ScreenHeading>{t('syncStatus.title')}</ScreenHeading>;
  const { downloads } = sync;
  const total = downloads.stored + downloads.queued + downloads.active + downloads.failed;
  const urnOf = (caseId: string) => cases?.find((item) => item.id === caseId)?.urn ?? caseId;

  return (
    <>
      <ScreenHeading>{t('syncStatus.title')}</ScreenHeading>
      <div className="panel" role="status" aria-live="polite" data-testid="sync-state">
        <p>
          <strong>
            {sync.state === 'signedOut'
              ? t('syncStatus.signedOut')
              : sync.state === 'syncing'
                ? t('syncStatus.syncing')
                : sync.state === 'error'
                  ? sync.offline
                    ? t('syncStatus.offlineWaiting')
                    : t('syncStatus.error')
                  : t('syncStatus.idle')}
          </strong>
        </p>
        {sync.state === 'error' && sync.errorKey && !sync.offline ? <p>{errorText(sync.errorKey)}</p> : null}
        <p className="muted">{sync.lastSyncedAt ? t('syncStatus.lastSynced', { time: formatDateTime(sync.lastSyncedAt) }) : t('syncStatus.never')}</p>
      </div>
      {sync.state !== 'signedOut' ? (
        <div className="button-row toolbar">
          <button type="button" className="button" disabled={sync.state === 'syncing'} onClick={() => void bridge.call('sync.now', {})}>
            {t('syncStatus.syncNow')}
          </button>
          {downloads.pausedFor === 'user' ? (
            <button type="button" className="button button-secondary" onClick={() => void bridge.call('sync.resume', {})}>
              {t('syncStatus.resume')}
            </button>
          ) : (
            <button type="button" className="button button-secondary" onClick={() => void bridge.call('sync.pause', {})}>
              {t('syncStatus.pause')}
            </button>
          )}
        </div>
      ) : null}

      <section className="section" aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t('syncStatus.downloadsTitle')}</h2>
        <p>{t('syncStatus.documentsProgress', { done: downloads.stored, total })}</p>
        <progress className="progress-bar" max={Math.max(1, downloads.bytesTotal)} value={downloads.bytesDone} aria-label={t('syncStatus.downloadsTitle')} />
        <p className="muted">
          {t('syncStatus.bytesProgress', { done: formatBytes(downloads.bytesDone), total: formatBytes(downloads.bytesTotal) })}
          {downloads.active > 0 ? ` · ${t('syncStatus.activeDownloads', { count: downloads.active })}` : ''}
        </p>
        {downloads.pausedFor ? <p className="notice">{t(`syncStatus.pausedFor.${downloads.pausedFor}`)}</p> : null}
        {downloads.perCase.length > 0 ? (
          <>
            <h3>{t('syncStatus.perCaseTitle')}</h3>
            <ul className="plain-list">
              {downloads.perCase.map((entry) => (
                <li key={entry.caseId}>
                  <button type="button" className="link-button" onClick={() => setView({ name: 'case', caseId: entry.caseId })}>
                    {urnOf(entry.caseId)}
                  </button>{' '}
                  <progress max={Math.max(1, entry.bytesTotal)} value={entry.bytesDone} aria-label={urnOf(entry.caseId)} />{' '}
                  <span className="muted">{t('syncStatus.documentsProgress', { done: entry.stored, total: entry.total })}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="section" aria-labelledby="failures-title">
        <h2 id="failures-title">{t('syncStatus.failuresTitle')}</h2>
        {sync.failures.length === 0 ? (
          <p className="muted">{t('syncStatus.noFailures')}</p>
        ) : (
          <>
            <ul className="plain-list">
              {sync.failures.map((failure, index) => (
                <li key={`${failure.caseId}-${index}`}>
                  <strong>{failure.urn}</strong> · {failure.documentName}: {errorText(failure.errorKey)}
                </li>
              ))}
            </ul>
            <button type="button" className="button button-secondary" onClick={() => void bridge.call('sync.retryFailed', {})}>
              {t('syncStatus.retry')}
            </button>
          </>
        )}
      </section>

      <section className="section" aria-labelledby="storage-title">
        <h2 id="storage-title">{t('syncStatus.storageTitle')}</h2>
        <p>{t('syncStatus.storageUsed', { used: formatBytes(sync.storage.usedBytes) })}</p>
        <StorageBudget />
      </section>
    </>
  );
}
