import { useTranslation } from 'react-i18next';
import type { SectionLockView } from '../../../src-preload/api';
import { formatTime } from '../../ui/format';

/**
 * Who may change this part on CP right now, in words (never only a colour or an icon). The line is
 * always there, empty while the part is free: CP's answer arrives while the user is already clicking
 * into the part, and a notice pushed in above the fields would move them from under the pointer. A
 * live region that exists before its text changes is also the one screen readers reliably announce.
 */
export function SectionLockNotice({ lock }: { lock: SectionLockView }) {
  return (
    <p className="lock-notice" data-lock={lock.state} role="status">
      {useLockText(lock)}
    </p>
  );
}

function useLockText(lock: SectionLockView): string {
  const { t } = useTranslation();
  switch (lock.state) {
    case 'free':
      return '';
    case 'held':
      return t('forms.lock.held', { time: formatTime(lock.until) });
    case 'lockedByOther': {
      const who = lock.by ?? t('forms.lock.anotherUser');
      return lock.until ? t('forms.lock.lockedByOtherUntil', { who, time: formatTime(lock.until) }) : t('forms.lock.lockedByOther', { who });
    }
    case 'unavailable':
      return t('forms.lock.unavailable');
    default: {
      const unreachable: never = lock;
      return unreachable;
    }
  }
}
