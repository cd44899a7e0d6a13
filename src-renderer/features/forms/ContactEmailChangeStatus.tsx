import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../src-preload/api';
import { errorText } from '../../i18n';

/**
 * What became of the newest defence contact email change CP does not have yet: still waiting in the
 * outbox (with why the last try failed, if it did), or refused by CP (with why, and what to do). Shown
 * on the form and on the change screen, so a refusal is seen even by someone who never goes back to
 * the change screen. On the change screen, right after confirming, its title is the step's heading.
 */
export function ContactEmailChangeStatus({
  change,
  heading,
}: {
  change: FormView['contactEmailChange'];
  heading?: { id: string; ref: Ref<HTMLHeadingElement> };
}) {
  const { t } = useTranslation();
  if (change === null) return null;
  const title = (text: string): ReactNode =>
    heading ? (
      <h2 id={heading.id} ref={heading.ref} tabIndex={-1}>
        {text}
      </h2>
    ) : (
      <p>
        <strong>{text}</strong>
      </p>
    );
  switch (change.state) {
    case 'waiting':
      return (
        <div className="panel" data-testid="contact-email-change" data-state="waiting">
          {title(t('forms.contactEmail.queued', { email: change.email }))}
          {change.errorKey ? <p>{t('forms.contactEmail.lastTry', { reason: errorText(change.errorKey) })}</p> : null}
          <p>{t('forms.contactEmail.queuedHint')}</p>
        </div>
      );
    case 'refused':
      return (
        <div className="notice" data-testid="contact-email-change" data-state="refused">
          {title(t('forms.contactEmail.refused', { email: change.email }))}
          <p>{errorText(change.errorKey ?? 'errors.cpRefused')}</p>
          <p>{t('forms.contactEmail.refusedHint')}</p>
        </div>
      );
  }
}
