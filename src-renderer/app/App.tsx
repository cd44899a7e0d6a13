import { useTranslation } from 'react-i18next';
import { FirstRunScreen } from '../features/first-run/FirstRunScreen';
import { useAppStore } from '../stores/app-store';
import { ErrorMessage } from '../ui/ErrorMessage';
import { AppFrame } from './AppFrame';
import { AppHeader } from './AppHeader';

export function App() {
  const { t } = useTranslation();
  const ready = useAppStore((state) => state.ready);
  const loadError = useAppStore((state) => state.loadError);
  const mode = useAppStore((state) => state.settings?.mode);

  if (!ready) {
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (loadError || !mode) {
    return (
      <main className="main">
        <ErrorMessage error={loadError ?? { code: 'internal', messageKey: 'errors.internal' }} />
      </main>
    );
  }
  if (mode === 'unconfigured') {
    return (
      <>
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <AppHeader />
        <main id="main" className="main">
          <FirstRunScreen />
        </main>
      </>
    );
  }
  return <AppFrame />;
}
