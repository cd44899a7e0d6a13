import { useTranslation } from 'react-i18next';
import type { ConnectivityState } from '../../src-preload/api';
import { bridge } from '../stores/bridge';
import { useAppStore } from '../stores/app-store';

const LABEL_KEYS = {
  unconfigured: 'connectivity.unconfigured',
  checking: 'connectivity.checking',
  online: 'connectivity.online',
  offline: 'connectivity.offline',
  serverError: 'connectivity.serverError',
} as const satisfies Record<ConnectivityState, string>;

/** Always visible: whether what the user does now goes to CP or waits on this laptop. */
export function ConnectivityIndicator() {
  const { t } = useTranslation();
  const connectivity = useAppStore((state) => state.connectivity);
  const state = connectivity?.state ?? 'unconfigured';
  const target =
    connectivity?.target === 'sandbox'
      ? t('connectivity.targetSandbox')
      : connectivity?.target === 'commonPlatform'
        ? t('connectivity.targetCommonPlatform')
        : null;
  return (
    <div className="connectivity" data-state={state}>
      <span className="connectivity-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" data-testid="connectivity-status">
        <span className="visually-hidden">{t('connectivity.label')}: </span>
        {t(LABEL_KEYS[state])}
        {target ? <span className="connectivity-target"> · {target}</span> : null}
      </span>
      {state === 'offline' || state === 'serverError' ? (
        <button type="button" className="link-button" onClick={() => void bridge.call('connectivity.check', {})}>
          {t('connectivity.checkNow')}
        </button>
      ) : null}
    </div>
  );
}
