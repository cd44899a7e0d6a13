import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../src-preload/api';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** Sign-in state and the way into (or out of) Common Platform. */
export function SessionPanel() {
  const { t } = useTranslation();
  const session = useAppStore((state) => state.session);
  const [pendingUrl, setPendingUrl] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);
  const [unsent, setUnsent] = useState(0);

  const askSignOut = async () => {
    const count = await bridge.call('session.unsentCount', {});
    setUnsent(count.ok ? count.value.count : 0);
    setConfirmingSignOut(true);
  };
  const signOut = async (unsentWork: 'keep' | 'discard') => {
    setConfirmingSignOut(false);
    const result = await bridge.call('session.signOut', { unsentWork });
    if (!result.ok) setError(result.error);
  };

  const signIn = async () => {
    setError(null);
    const result = await bridge.call('session.signIn', {});
    if (!result.ok) return setError(result.error);
    setPendingUrl(result.value.authorizationUrl);
    // The sign-in page belongs in the user's own browser (RFC 8252), never inside the app.
    window.open(result.value.authorizationUrl, '_blank', 'noopener');
  };

  if (session?.state === 'signedIn' && session.user) {
    return (
      <div className="session-bar">
        <span>{t('session.signedInAs', { name: session.user.displayName, organisation: session.user.organisationName })}</span>
        {confirmingSignOut ? (
          <span className="confirm-inline" role="group" aria-label={t('session.signOut')}>
            <span>{t('session.signOutConfirm')}</span>
            {unsent > 0 ? (
              <>
                <span>{t('session.unsentWork', { count: unsent })}</span>
                <button type="button" className="button button-warning" onClick={() => void signOut('keep')}>
                  {t('session.signOutKeepUnsent')}
                </button>
                <button type="button" className="button button-warning" onClick={() => void signOut('discard')}>
                  {t('session.signOutDiscardUnsent')}
                </button>
              </>
            ) : (
              <button type="button" className="button button-warning" onClick={() => void signOut('keep')}>
                {t('session.signOutConfirmButton')}
              </button>
            )}
            <button type="button" className="button button-secondary" onClick={() => setConfirmingSignOut(false)}>
              {t('session.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="link-button" onClick={() => void askSignOut()}>
            {t('session.signOut')}
          </button>
        )}
        <ErrorMessage error={error} />
      </div>
    );
  }

  if (pendingUrl && session?.state !== 'signedIn') {
    return (
      <div className="panel" role="status">
        <p>{t('session.signingIn')}</p>
        <div className="button-row">
          <a className="button button-secondary" href={pendingUrl} target="_blank" rel="noopener noreferrer">
            {t('session.openSignInPage')}
          </a>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setPendingUrl(null);
              void bridge.call('session.cancelSignIn', {});
            }}
          >
            {t('session.cancelSignIn')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="panel">
      <p>
        <strong>{session?.state === 'expired' ? t('session.expired') : t('cases.signedOut')}</strong>
      </p>
      {session?.state !== 'expired' ? <p>{t('cases.signedOutHint')}</p> : null}
      <ErrorMessage error={error} />
      <button type="button" className="button" onClick={() => void signIn()}>
        {t('session.signIn')}
      </button>
    </div>
  );
}
