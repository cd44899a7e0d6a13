import { useTranslation } from 'react-i18next';
import { CasesScreen } from '../features/cases/CasesScreen';
import { HelpScreen } from '../features/help/HelpScreen';
import { SandboxScreen } from '../features/sandbox/SandboxScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useAppStore, type View } from '../stores/app-store';
import { AppHeader } from './AppHeader';

const NAV_KEYS = {
  cases: 'nav.cases',
  sandbox: 'nav.sandbox',
  settings: 'nav.settings',
  help: 'nav.help',
} as const satisfies Record<View, string>;

/** The frame every screen lives in once the app has somewhere to get cases from. */
export function AppFrame() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  const mode = useAppStore((state) => state.settings?.mode);
  const views: View[] = mode === 'sandbox' ? ['cases', 'sandbox', 'settings', 'help'] : ['cases', 'settings', 'help'];

  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <div className="frame-body">
        <nav className="side-nav" aria-label={t('app.mainNavigation')}>
          <ul>
            {views.map((item) => (
              <li key={item}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={view === item ? 'page' : undefined}
                  onClick={() => setView(item)}
                >
                  {t(NAV_KEYS[item])}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          <Screen view={view} />
        </main>
      </div>
    </div>
  );
}

function Screen({ view }: { view: View }) {
  switch (view) {
    case 'cases':
      return <CasesScreen />;
    case 'sandbox':
      return <SandboxScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'help':
      return <HelpScreen />;
  }
}
