import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, MethodResult } from '../../../src-preload/api';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { useCasesStore } from '../../stores/cases-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { ServeForm } from './ServeForm';

type Eligibility = MethodResult<'serving.eligibility'>;

/** "Serve a document": on a magistrates' case that started on CP; otherwise, where service goes instead. */
export function ServeScreen({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const detail = useCasesStore((state) => (state.detail?.summary.id === caseId ? state.detail : null));
  const loadDetail = useCasesStore((state) => state.loadDetail);
  const detailError = useCasesStore((state) => state.detailError);
  const [eligibility, setEligibility] = useState<Eligibility | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  useEffect(() => {
    if (!detail) void loadDetail(caseId);
  }, [caseId, detail, loadDetail]);

  useEffect(() => {
    let live = true;
    void bridge.call('serving.eligibility', { caseId }).then((result) => {
      if (!live) return;
      if (result.ok) setEligibility(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [caseId]);

  return (
    <>
      <p>
        <button type="button" className="link-button" onClick={() => setView({ name: 'case', caseId })}>
          {t('serving.backToCase')}
        </button>
      </p>
      <ScreenHeading>{detail ? t('serving.titleFor', { urn: detail.summary.urn }) : t('serving.title')}</ScreenHeading>
      <ErrorMessage error={error ?? (detail ? null : detailError)} />
      {!eligibility || !detail ? (
        error || detailError ? null : <p role="status">{t('serving.loading')}</p>
      ) : eligibility.allowed ? (
        <ServeForm detail={detail} />
      ) : eligibility.reason === 'crownCourt' ? (
        <div className="panel" data-testid="serve-dcs">
          <p>
            <strong>{t('serving.crownCourtTitle')}</strong>
          </p>
          <p>{t('serving.crownCourtExplanation')}</p>
          <p>{t('serving.crownCourtNothingSent')}</p>
        </div>
      ) : (
        <div className="panel">
          <p>{t('serving.notAssociatedExplanation')}</p>
        </div>
      )}
    </>
  );
}
