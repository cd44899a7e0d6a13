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
  // Newest attendance day first: on day 2 of a trial, day 1's check-in is not today's.
  const mine = checkIns.filter((checkIn) => checkIn.hearingId === hearing.id).sort((a, b) => b.attendanceDay.localeCompare(a.attendanceDay));
  const todays = mine.filter((checkIn) => checkIn.attendanceDay === today.day);
  const latest = todays.find((checkIn) => checkIn.state !== 'refused') ?? todays[0] ?? mine[0] ?? null;
  const sittingToday = sitsOn(hearing.sittingDays, today.day);
  if (!sittingToday && !latest) return null;
  // A refused check-in can be made again; one on its way or done cannot be doubled (main refuses too).
  const canCheckIn = sittingToday && !todays.some((checkIn) => checkIn.state !== 'refused');

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
