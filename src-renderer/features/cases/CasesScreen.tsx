import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store';
import { ScreenHeading } from '../../ui/ScreenHeading';

export function CasesScreen() {
  const { t } = useTranslation();
  const settings = useAppStore((state) => state.settings);
  const target =
    settings?.mode === 'sandbox' ? t('connectivity.targetSandbox') : (settings?.cpBaseUrl ?? t('connectivity.unconfigured'));
  return (
    <>
      <ScreenHeading>{t('cases.title')}</ScreenHeading>
      <p className="muted">{t('cases.connectedTo', { target })}</p>
      <div className="panel">
        <p>
          <strong>{t('cases.signedOut')}</strong>
        </p>
        <p>{t('cases.signedOutHint')}</p>
      </div>
    </>
  );
}
