import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { loadAppState } from './stores/app-store';
import './styles.css';

async function boot(): Promise<void> {
  const settings = await loadAppState();
  await initI18n(settings?.language ?? 'en');
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
