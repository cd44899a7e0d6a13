import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../src-preload/api';

export function OfflineBadge({ item }: { item: CaseSummary }) {
  const { t } = useTranslation();
  const { stored, total } = item.offline;
  if (!item.keepOffline) return <span className="badge badge-muted">{t('cases.offlineNotKept')}</span>;
  if (total === 0) return <span className="badge badge-muted">{t('cases.offlineNoDocuments')}</span>;
  if (stored === total) return <span className="badge badge-ok">{t('cases.offlineAll', { total })}</span>;
  return <span className="badge badge-progress">{t('cases.offlineSome', { stored, total })}</span>;
}
