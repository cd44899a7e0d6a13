import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckIn } from '../../../src-preload/api';
import { formatDate } from '../../ui/format';
import { CheckInForm } from './CheckInForm';
import { CheckInState } from './CheckInState';
import { sitsOn, type CourtToday } from './court-today';

interface Props {
  caseId: string;
  hearing: { id: string; sittingDays: ReadonlyArray<{ sittingDay: string }> };
  defendants: ReadonlyArray<{ id: string; name: string }>;
  checkIns: CheckIn[];
  today: CourtToday;
  onCheckIn(checkIn: CheckIn): void;
}

/** On a hearing's sitting day: check in (status, defendants), and what became of it. */
export function HearingCheckIn({ caseId, hearing, defendants, checkIns, today, onCheckIn }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const mine = checkIns.filter((checkIn) => checkIn.hearingId === hearing.id);
  const latest = mine[mine.length - 1] ?? null;
  const sittingToday = sitsOn(hearing.sittingDays, today.day);
  if (!sittingToday && !latest) return null;
  // A refused check-in can be made again; one on its way or done cannot be doubled.
  const canCheckIn = sittingToday && (!latest || latest.state === 'refused');

  return (
    <div className="check-in" data-testid="hearing-check-in">
      {sittingToday ? (
        <p className="muted">
          {today.basis === 'commonPlatform' ? t('checkIn.todayByCp', { date: formatDate(today.day) }) : t('checkIn.todayByLaptop', { date: formatDate(today.day) })}
        </p>
      ) : null}
      {latest ? <CheckInState checkIn={latest} /> : null}
      {canCheckIn && !open ? (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t('checkIn.open')}
        </button>
      ) : null}
      {canCheckIn && open ? (
        <CheckInForm
          caseId={caseId}
          hearingId={hearing.id}
          defendants={defendants}
          onCancel={() => setOpen(false)}
          onDone={(checkIn) => {
            setOpen(false);
            onCheckIn(checkIn);
          }}
        />
      ) : null}
    </div>
  );
}
