import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { methods, type ContractError } from '../../../src-preload/api';
import { childPath, contactEmailQuestion } from '../../../src-preload/contract/forms';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { answerAt } from './answer-paths';
import { ContactEmailChangeStatus, useContactEmailChangeText } from './ContactEmailChangeStatus';
import { useFormView } from './use-form-view';

type Step = { step: 'enter' } | { step: 'confirm'; email: string } | { step: 'done'; email: string };

/**
 * The BCM's defence contact email, changed on its own in two steps (type it, then confirm the change
 * from the old address to the new) and sent through the outbox at once, apart from any draft.
 */
export function ContactEmailScreen({ caseId, formId }: { caseId: string; formId: string }) {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const { view, loadError, run } = useFormView(formId);
  const [step, setStep] = useState<Step>({ step: 'enter' });
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const stepRef = useRef<HTMLHeadingElement>(null);
  // Main's convention for where the address lives, shared so the screen shows what main changes.
  const contact = view ? contactEmailQuestion(view.definition) : null;
  const path = contact ? childPath(contact.part.id, contact.question.id) : null;
  const onCp = view && path ? answerAt(view.cp.data, path) : undefined;
  const current = typeof onCp === 'string' && onCp.trim() !== '' ? onCp : null;
  // After confirming: what the outbox says of this very change, kept up to date. Once it is neither
  // waiting nor refused, CP's copy says how it ended (ours, or someone else's change since).
  const pending = view?.contactEmailChange ?? null;
  const ours = useContactEmailChangeText(step.step === 'done' && pending?.email === step.email ? pending : null);
  const done = ours
    ? { title: ours.title, details: ours.details, refused: ours.state === 'refused' }
    : step.step === 'done' && current === step.email
      ? { title: t('forms.contactEmail.sent', { email: step.email }), details: [t('forms.contactEmail.sentHint')], refused: false }
      : { title: current ? t('forms.contactEmail.current', { email: current }) : t('forms.contactEmail.noCurrent'), details: [t('forms.contactEmail.changedSince')], refused: false };

  useEffect(() => {
    if (step.step !== 'enter') stepRef.current?.focus();
  }, [step.step]);

  const next = (event: FormEvent) => {
    event.preventDefault();
    // The contract's own rule for the address, so the screen and main never disagree.
    const parsed = methods['forms.changeContactEmail'].args.shape.email.safeParse(typed.trim());
    if (!parsed.success) return setInvalid(true);
    setInvalid(false);
    setStep({ step: 'confirm', email: parsed.data });
  };
  const confirm = async (email: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await run(() => bridge.call('forms.changeContactEmail', { formId, email }));
    setBusy(false);
    if (result.ok) setStep({ step: 'done', email });
    else setError(result.error);
  };

  return (
    <>
      <p>
        <button type="button" className="link-button" onClick={() => setView({ name: 'form', caseId, formId })}>
          {t('forms.contactEmail.back')}
        </button>
      </p>
      <ScreenHeading>{t('forms.contactEmail.title')}</ScreenHeading>
      {!view ? loadError ? <ErrorMessage error={loadError} /> : <p role="status">{t('forms.loading')}</p> : null}
      {view && !path ? <p>{t('forms.contactEmail.none')}</p> : null}
      {view && path ? (
        <>
          <p>{current ? t('forms.contactEmail.current', { email: current }) : t('forms.contactEmail.noCurrent')}</p>
          {step.step === 'enter' ? <ContactEmailChangeStatus change={view.contactEmailChange} /> : null}
          {step.step === 'enter' ? (
            <form onSubmit={next} noValidate>
              <div className="field">
                <label className="label" htmlFor={inputId}>
                  {t('forms.contactEmail.newLabel')}
                </label>
                <p className="hint" id={`${inputId}-hint`}>
                  {t('forms.contactEmail.hint')}
                </p>
                {invalid ? (
                  <p className="error-message" id={`${inputId}-error`}>
                    {t('forms.errors.email')}
                  </p>
                ) : null}
                <input
                  id={inputId}
                  className="input"
                  type="email"
                  autoComplete="email"
                  value={typed}
                  aria-invalid={invalid || undefined}
                  aria-describedby={invalid ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
                  onChange={(event) => setTyped(event.target.value)}
                />
              </div>
              <button type="submit" className="button">
                {t('forms.contactEmail.continue')}
              </button>
            </form>
          ) : null}
          {step.step === 'confirm' ? (
            <section aria-labelledby="contact-email-confirm" className="confirm">
              <h2 id="contact-email-confirm" ref={stepRef} tabIndex={-1}>
                {current ? t('forms.contactEmail.confirmChange', { from: current, to: step.email }) : t('forms.contactEmail.confirmSet', { to: step.email })}
              </h2>
              <p>{t('forms.contactEmail.confirmHint')}</p>
              <ErrorMessage error={error} />
              <div className="button-row">
                <button type="button" className="button" aria-disabled={busy} onClick={() => void confirm(step.email)}>
                  {t('forms.contactEmail.confirm')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setStep({ step: 'enter' })}>
                  {t('forms.contactEmail.changeIt')}
                </button>
              </div>
            </section>
          ) : null}
          {step.step === 'done' ? (
            // One section and one heading whatever becomes of the change, so the focus put on the
            // heading stays there when "waiting" turns into "sent" or "refused".
            <section aria-labelledby="contact-email-done" className={done.refused ? 'notice' : 'panel'} role="status">
              <h2 id="contact-email-done" ref={stepRef} tabIndex={-1}>
                {done.title}
              </h2>
              {done.details.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
