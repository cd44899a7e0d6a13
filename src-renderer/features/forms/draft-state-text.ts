import { useTranslation } from 'react-i18next';
import type { FormListItem } from '../../../src-preload/api';
import { errorText } from '../../i18n';

type Draft = NonNullable<FormListItem['draft']>;

/**
 * A draft's state in words, the same on the case screen and the form screen. "Submitted" always says
 * it is not on Common Platform yet: a form waiting in the outbox has not reached the court.
 */
export function useDraftStateText(): (draft: Draft | null, errorKey?: string | null) => string {
  const { t } = useTranslation();
  return (draft, errorKey) => {
    if (!draft) return t('forms.state.none');
    switch (draft.state) {
      case 'editing':
        return draft.missingCount === 0 ? t('forms.state.editingComplete') : t('forms.state.editing', { count: draft.missingCount });
      case 'queued':
        return t('forms.state.queued');
      case 'conflict':
        return t('forms.state.conflict');
      case 'refused':
        return errorKey ? t('forms.state.refusedBecause', { reason: errorText(errorKey) }) : t('forms.state.refused');
      default: {
        const unreachable: never = draft.state;
        return unreachable;
      }
    }
  };
}
