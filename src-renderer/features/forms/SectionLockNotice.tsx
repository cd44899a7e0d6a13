import { useTranslation } from 'react-i18next';
import type { SectionLockView } from '../../../src-preload/api';
import { formatTime } from '../../ui/format';

/** Who may change this part on CP right now, in words (never only a colour or an icon). */
export function SectionLockNotice({ lock }: { lock: SectionLockView }) {
  const { t } = useTranslation();
  switch (lock.state) {
    case 'free':
      return null;
    case 'held':
      return (
        <p className="lock-notice" data-lock="held" role="status">
          {t('forms.lock.held', { time: formatTime(lock.until) })}
        </p>
      );
    case 'lockedByOther': {
      const who = lock.by ?? t('forms.lock.anotherUser');
      return (
        <p className="lock-notice notice" data-lock="lockedByOther" role="status">
          {lock.until ? t('forms.lock.lockedByOtherUntil', { who, time: formatTime(lock.until) }) : t('forms.lock.lockedByOther', { who })}
        </p>
      );
    }
    case 'unavailable':
      return (
        <p className="lock-notice" data-lock="unavailable" role="status">
          {t('forms.lock.unavailable')}
        </p>
      );
    default: {
      const unreachable: never = lock;
      return unreachable;
    }
  }
}
