import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult, ContractError, FormView } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';

interface Props {
  view: FormView;
  missingCount: number;
  /** Saves what is still waiting before the form is sent; whether all of it is saved. */
  flush(): Promise<boolean>;
  /** Drops what is still waiting before the draft is thrown away. */
  forget(): void;
  run(call: () => Promise<CallResult<FormView>>): Promise<CallResult<FormView>>;
  onShowMissing(): void;
}

type Asking = 'submit' | 'discard' | null;

/** Submit (with what is still missing said first), withdraw while queued, discard the draft. */
export function SubmitPanel({ view, missingCount, flush, forget, run, onShowMissing }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Asking>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const state = view.draft?.state ?? null;

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  const act = async (method: 'forms.submit' | 'forms.withdraw' | 'forms.discardDraft') => {
    if (busy) return;
    setBusy(true);
    setError(null);
    if (method === 'forms.discardDraft') forget();
    else if (!(await flush()) && method === 'forms.submit') {
      // Main would send the copy from before the answers that failed to save.
      setBusy(false);
      setError({ code: 'unavailable', messageKey: 'errors.formUnsaved' });
      return;
    }
    const result = await run(() => bridge.call(method, { formId: view.item.formId }));
    setBusy(false);
    setAsking(null);
    if (!result.ok) setError(result.error);
  };

  return (
    <section className="section submit-panel" aria-labelledby="form-submit-title">
      <h2 id="form-submit-title">{t('forms.submit.title')}</h2>
      {state === null ? <p className="hint">{t('forms.submit.noDraft')}</p> : null}
      {state === 'queued' ? (
        <>
          <p>{t('forms.submit.queuedHint')}</p>
          <button type="button" className="button button-secondary" aria-disabled={busy} onClick={() => void act('forms.withdraw')}>
            {t('forms.submit.withdraw')}
          </button>
        </>
      ) : null}
      {state === 'editing' || state === 'refused' ? (
        asking === 'submit' ? (
          <div className="confirm" ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="form-submit-confirm">
            <p id="form-submit-confirm" className="label">
              {t('forms.submit.confirmTitle')}
            </p>
            {missingCount > 0 ? (
              <p>
                {t('forms.submit.confirmMissing', { count: missingCount })}{' '}
                <button type="button" className="link-button" onClick={onShowMissing}>
                  {t('forms.submit.seeMissing')}
                </button>
              </p>
            ) : (
              <p>{t('forms.submit.confirmComplete')}</p>
            )}
            <p>{t('forms.submit.confirmOutbox')}</p>
            <div className="button-row">
              <button type="button" className="button" aria-disabled={busy} onClick={() => void act('forms.submit')}>
                {t('forms.submit.confirm')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setAsking(null)}>
                {t('forms.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button" onClick={() => setAsking('submit')}>
            {t('forms.submit.submit')}
          </button>
        )
      ) : null}
      {state === 'conflict' ? <p className="hint">{t('forms.submit.resolveFirst')}</p> : null}
      {state !== null ? (
        asking === 'discard' ? (
          <div className="confirm" ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="form-discard-confirm">
            <p id="form-discard-confirm" className="label">
              {t('forms.discard.confirmTitle')}
            </p>
            <p>{t('forms.discard.confirmText', { version: view.cp.version })}</p>
            <div className="button-row">
              <button type="button" className="button button-warning" aria-disabled={busy} onClick={() => void act('forms.discardDraft')}>
                {t('forms.discard.confirm')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setAsking(null)}>
                {t('forms.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <p>
            <button type="button" className="link-button" onClick={() => setAsking('discard')}>
              {t('forms.discard.discard')}
            </button>
          </p>
        )
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}
