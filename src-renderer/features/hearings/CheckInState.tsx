import { useTranslation } from 'react-i18next';
import type { CheckIn } from '../../../src-preload/api';
import { errorText } from '../../i18n';
import { formatTime } from '../../ui/format';

/** A check-in's state, honestly: queued is "not yet checked in", never done. */
export function CheckInState({ checkIn }: { checkIn: CheckIn }) {
  const { t } = useTranslation();
  const text =
    checkIn.state === 'checkedIn'
      ? checkIn.checkedInAt
        ? t('checkIn.state.checkedInAt', { time: formatTime(checkIn.checkedInAt) })
        : t('checkIn.state.checkedIn')
      : checkIn.state === 'refused'
        ? t('checkIn.state.refused', { reason: errorText(checkIn.errorKey ?? 'errors.cpRefused') })
        : checkIn.state === 'sending'
          ? t('checkIn.state.sending')
          : t('checkIn.state.queued');
  return (
    <p className="check-in-state" data-state={checkIn.state} data-testid="check-in-state">
      <span className={`badge badge-check-in-${checkIn.state}`}>{text}</span>
    </p>
  );
}
