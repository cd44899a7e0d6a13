import { useTranslation } from 'react-i18next';
import iconUrl from '../../resources/icon.svg';
import { ConnectivityIndicator } from '../ui/ConnectivityIndicator';
import { LanguageSwitch } from '../ui/LanguageSwitch';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="brand">
        <img src={iconUrl} alt="" width="28" height="28" />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <ConnectivityIndicator />
      <LanguageSwitch />
    </header>
  );
}
