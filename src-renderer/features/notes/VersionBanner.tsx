import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, ContractError, VersionChange } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDate } from '../../ui/format';
import { pageRuns } from './page-ranges';
import { watchCase } from './watch-case';

export interface VersionBannerProps {
  caseId: string;
  /** Opens the old version of a document (it stays readable until the change is dismissed). */
  onOpenOldVersion(materialId: string, documentId: string): void;
}

/** Beyond this many runs of pages the list is cut short ("and 4 more"); the counts stay exact. */
const MAX_RUNS = 8;

/**
 * Tells the user, in words, which of a case's documents CP republished: pages added and removed, and
 * where their notes went. Shown until dismissed; nothing when there is nothing to say.
 */
export function VersionBanner({ caseId, onOpenOldVersion }: VersionBannerProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [loaded, setLoaded] = useState<{ caseId: string; changes: VersionChange[]; documents: CaseDetail['documents']; error: ContractError | null } | null>(null);
  const [dismissError, setDismissError] = useState<ContractError | null>(null);
  const [status, setStatus] = useState('');
  // Bumped to re-read after a dismissal, on top of the events below.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let active = true;
    const refresh = () =>
      void Promise.all([bridge.call('documents.versionChanges', { caseId }), bridge.call('cases.get', { caseId })]).then(([list, detail]) => {
        if (!active) return;
        setLoaded((previous) => {
          const same = previous?.caseId === caseId ? previous : null;
          return {
            caseId,
            changes: list.ok ? list.value : (same?.changes ?? []),
            documents: detail.ok ? detail.value.documents : (same?.documents ?? []),
            error: list.ok ? null : list.error,
          };
        });
      });
    refresh();
    // Changes are recorded as notes are carried (notes.changed) and when documents arrive (cases.changed).
    const unwatch = watchCase(caseId, refresh);
    return () => {
      active = false;
      unwatch();
    };
  }, [caseId, generation]);

  const current = loaded?.caseId === caseId ? loaded : null;
  const changes = current?.changes ?? [];
  const documents = current?.documents ?? [];
  const error = dismissError ?? current?.error ?? null;

  const dismiss = async (change: VersionChange) => {
    setDismissError(null);
    const result = await bridge.call('documents.dismissOldVersion', { documentId: change.documentId });
    if (!result.ok) {
      setDismissError(result.error);
      return;
    }
    setStatus(t('versions.dismissed', { name: change.documentName }));
    setLoaded((previous) => (previous ? { ...previous, changes: previous.changes.filter((item) => item.documentId !== change.documentId) } : previous));
    // The Dismiss button has gone: focus the confirmation so keyboard users are not dropped to the top.
    statusRef.current?.focus();
    setGeneration((value) => value + 1);
  };

  const pageList = (pages: readonly number[]) => {
    const runs = pageRuns(pages);
    const shown = runs.slice(0, MAX_RUNS).map(([from, to]) => (from === to ? String(from) : t('versions.range', { from, to })));
    if (runs.length > MAX_RUNS) shown.push(t('versions.more', { count: runs.length - MAX_RUNS }));
    return shown.join(', ');
  };

  const publishedOn = (change: VersionChange): string | null => {
    const material = documents.find((document) => document.id === change.documentId)?.materials.find((item) => item.id === change.newMaterialId);
    return material ? formatDate(material.publishedDate ?? material.uploadedAt) : null;
  };

  if (changes.length === 0 && status === '' && !error) return null;

  return (
    <section className="version-banner" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('versions.title')}</h2>
      <p className="version-status" role="status" tabIndex={-1} ref={statusRef}>
        {status}
      </p>
      <ErrorMessage error={error} />
      {changes.length > 0 ? (
        <ul className="plain-list">
          {changes.map((change) => {
            const date = publishedOn(change);
            return (
              <li key={change.documentId} className="version-change">
                <p className="version-summary">
                  <strong>
                    {date ? t('versions.republished', { name: change.documentName, date }) : t('versions.republishedUndated', { name: change.documentName })}
                  </strong>{' '}
                  {change.pagesAdded.length > 0 ? t('versions.pagesAdded', { count: change.pagesAdded.length, pages: pageList(change.pagesAdded) }) : t('versions.noPagesAdded')}{' '}
                  {change.pagesRemoved.length > 0
                    ? t('versions.pagesRemoved', { count: change.pagesRemoved.length, pages: pageList(change.pagesRemoved) })
                    : t('versions.noPagesRemoved')}{' '}
                  {change.oldPages !== null && change.newPages !== null ? t('versions.pageCounts', { before: change.oldPages, now: change.newPages }) : ''}
                </p>
                <p className="version-notes">
                  {t('versions.notesCarried', { count: change.notesCarried })}{' '}
                  {change.notesLeft > 0 ? <strong>{t('versions.notesLeft', { count: change.notesLeft })}</strong> : t('versions.notesLeft', { count: 0 })}
                </p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t('versions.openOldLabel', { name: change.documentName })}
                    onClick={() => onOpenOldVersion(change.oldMaterialId, change.documentId)}
                  >
                    {t('versions.openOld')}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t('versions.dismissLabel', { name: change.documentName })}
                    onClick={() => void dismiss(change)}
                  >
                    {t('versions.dismiss')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
