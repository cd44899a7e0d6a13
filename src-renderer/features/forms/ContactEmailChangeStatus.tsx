import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../src-preload/api';
import { errorText } from '../../i18n';

type ContactEmailChange = NonNullable<FormView['contactEmailChange']>;

export interface ContactEmailChangeText {
  readonly state: ContactEmailChange['state'];
  readonly title: string;
  /** The lines under the title: why the last try failed or CP refused, and what to do. */
  readonly details: readonly string[];
}

/**
 * The words for the newest defence contact email change CP does not have yet: still waiting in the
 * outbox (with why the last try failed, if it did), or refused by CP (with why, and what to do).
 */
export function useContactEmailChangeText(change: FormView['contactEmailChange']): ContactEmailChangeText | null {
  const { t } = useTranslation();
  if (change === null) return null;
  switch (change.state) {
    case 'waiting':
      return {
        state: 'waiting',
        title: t('forms.contactEmail.queued', { email: change.email }),
        details: [...(change.errorKey ? [t('forms.contactEmail.lastTry', { reason: errorText(change.errorKey) })] : []), t('forms.contactEmail.queuedHint')],
      };
    case 'refused':
      return {
        state: 'refused',
        title: t('forms.contactEmail.refused', { email: change.email }),
        details: [errorText(change.errorKey ?? 'errors.cpRefused'), t('forms.contactEmail.refusedHint')],
      };
    default: {
      const unreachable: never = change.state;
      return unreachable;
    }
  }
}

/**
 * That change as shown on the form, so a refusal is seen even by someone who never goes back to the
 * change screen (which shows the same words as its last step).
 */
export function ContactEmailChangeStatus({ change }: { change: FormView['contactEmailChange'] }) {
  const text = useContactEmailChangeText(change);
  if (text === null) return null;
  return (
    <div className={text.state === 'refused' ? 'notice' : 'panel'} data-testid="contact-email-change" data-state={text.state}>
      <p>
        <strong>{text.title}</strong>
      </p>
      {text.details.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
