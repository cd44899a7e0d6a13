import { useTranslation } from 'react-i18next';
import { lazy, Suspense, useEffect } from 'react';
import { AddCaseScreen } from '../features/cases/AddCaseScreen';
import { CaseScreen } from '../features/cases/CaseScreen';
import { CasesScreen } from '../features/cases/CasesScreen';
import { SearchScreen } from '../features/search/SearchScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { HelpScreen } from '../features/help/HelpScreen';
import { SandboxScreen } from '../features/sandbox/SandboxScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { NotesPanel } from '../features/notes/NotesPanel';
import { AcceptedNotices } from '../features/serving/AcceptedNotices';
import { notifyAccepted } from '../features/serving/accepted-notification';
import { OutboxNavLabel, useOutboxNavName } from '../features/serving/OutboxNavLabel';
import { OutboxScreen } from '../features/serving/OutboxScreen';
import { ServeScreen } from '../features/serving/ServeScreen';
import { ContactEmailScreen } from '../features/forms/ContactEmailScreen';
import { FormScreen } from '../features/forms/FormScreen';
import { watchServing } from '../features/serving/serving-store';
import { useAppStore, type View, type ViewName } from '../stores/app-store';
import { watchCases } from '../stores/cases-store';
import { AppHeader } from './AppHeader';

type NavName = Exclude<ViewName, 'case' | 'addCase' | 'viewer' | 'serve' | 'form' | 'formContactEmail'>;

// pdf.js is a megabyte of code: it loads when a document is first opened, not at start-up.
const ViewerScreen = lazy(() => import('../features/viewer').then((module) => ({ default: module.ViewerScreen })));

const NAV_KEYS = {
  cases: 'nav.cases',
  search: 'nav.search',
  outbox: 'nav.outbox',
  sync: 'nav.sync',
  sandbox: 'nav.sandbox',
  settings: 'nav.settings',
  help: 'nav.help',
} as const satisfies Record<NavName, string>;

/** The frame every screen lives in once the app has somewhere to get cases from. */
export function AppFrame() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  const mode = useAppStore((state) => state.settings?.mode);
  const outboxName = useOutboxNavName();
  const views: NavName[] =
    mode === 'sandbox' ? ['cases', 'search', 'outbox', 'sync', 'sandbox', 'settings', 'help'] : ['cases', 'search', 'outbox', 'sync', 'settings', 'help'];
  // The case, "add a case", document, serve and form screens belong under "My cases" in the navigation.
  const current: NavName =
    view.name === 'case' || view.name === 'addCase' || view.name === 'viewer' || view.name === 'serve' || view.name === 'form' || view.name === 'formContactEmail'
      ? 'cases'
      : view.name;

  useEffect(() => watchCases(() => {
    const shown = useAppStore.getState().view;
    return shown.name === 'case' || shown.name === 'viewer' || shown.name === 'serve' || shown.name === 'form' || shown.name === 'formContactEmail' ? shown.caseId : null;
  }), []);
  // The outbox badge and the "accepted" notices live in the frame, whatever screen is shown.
  useEffect(() => watchServing(notifyAccepted), []);

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
                  aria-current={current === item ? 'page' : undefined}
                  aria-label={item === 'outbox' ? outboxName : undefined}
                  onClick={() => setView({ name: item })}
                >
                  {item === 'outbox' ? <OutboxNavLabel /> : t(NAV_KEYS[item])}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className={view.name === 'viewer' ? 'main main-viewer' : 'main'} tabIndex={-1}>
          <Screen view={view} />
        </main>
      </div>
      <AcceptedNotices />
    </div>
  );
}

function Screen({ view }: { view: View }) {
  switch (view.name) {
    case 'cases':
      return <CasesScreen />;
    case 'case':
      return <CaseScreen key={view.caseId} caseId={view.caseId} />;
    case 'viewer':
      return (
        <Suspense fallback={<ViewerLoading />}>
          <ViewerScreen
            key={view.caseId}
            view={view}
            sidePanelExtra={({ currentMaterialId, openAt }) => (
              <NotesPanel caseId={view.caseId} onOpen={openAt} {...(currentMaterialId ? { currentMaterialId } : {})} />
            )}
          />
        </Suspense>
      );
    case 'addCase':
      return <AddCaseScreen />;
    case 'serve':
      return <ServeScreen key={view.caseId} caseId={view.caseId} />;
    case 'form':
      return <FormScreen key={view.formId} caseId={view.caseId} formId={view.formId} />;
    case 'formContactEmail':
      return <ContactEmailScreen key={view.formId} caseId={view.caseId} formId={view.formId} />;
    case 'outbox':
      return <OutboxScreen />;
    case 'search':
      return <SearchScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'sandbox':
      return <SandboxScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'help':
      return <HelpScreen />;
  }
}

function ViewerLoading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('viewer.openingProgress')}
    </p>
  );
}
