import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../src-preload/api';
import { errorText } from '../../i18n';

/**
 * What became of the newest defence contact email change CP does not have yet: still waiting in the
 * outbox, or refused by CP (with why, and what to do). Shown on the form and on the change screen, so
 * a refusal is seen even by someone who never goes back to the change screen.
 */
export function ContactEmailChangeStatus({ change }: { change: FormView['contactEmailChange'] }) {
  const { t } = useTranslation();
  if (change === null) return null;
  switch (change.state) {
    case 'waiting':
      return (
        <div className="panel" data-testid="contact-email-change" data-state="waiting">
          <p>
            <strong>{t('forms.contactEmail.queued', { email: change.email })}</strong>
          </p>
          <p>{t('forms.contactEmail.queuedHint')}</p>
        </div>
      );
    case 'refused':
      return (
        <div className="notice" data-testid="contact-email-change" data-state="refused">
          <p>
            <strong>{t('forms.contactEmail.refused', { email: change.email })}</strong>
          </p>
          <p>{errorText(change.errorKey ?? 'errors.cpRefused')}</p>
          <p>{t('forms.contactEmail.refusedHint')}</p>
        </div>
      );
  }
}
