import { useTranslation } from 'react-i18next';
import type { ServiceForecast } from '../../../src-preload/api';
import { formatDateTime, formatLongDate } from '../../ui/format';
import { forecastCautions } from './forecast-cautions';

/** CP's clock older than this is shown as an estimate taken some time ago. */
const STALE_AFTER_MS = 15 * 60_000;

/**
 * Before queueing: when it would count as served if it reached CP now (CrimPR r.4.11), and what that
 * estimate rests on. The laptop's clock is never the basis for a service date.
 */
export function ServiceForecastNotice({ forecast }: { forecast: ServiceForecast | null }) {
  const { t } = useTranslation();
  if (!forecast) return null;
  const late = forecast.lateReason !== null;
  // When CP's clock was last read, on CP's clock: its estimated time now less how long ago that was.
  const seenAt =
    forecast.serverNow !== null && forecast.observedAgoMs !== null ? new Date(Date.parse(forecast.serverNow) - forecast.observedAgoMs).toISOString() : null;
  return (
    <div className={late ? 'notice forecast' : 'panel forecast'} data-testid="service-forecast">
      {forecast.servedOnIfSentNow ? (
        <p>
          <strong>
            {late
              ? t('serving.forecast.lateIfSentNow', { date: formatLongDate(forecast.servedOnIfSentNow) })
              : t('serving.forecast.todayIfSentNow', { date: formatLongDate(forecast.servedOnIfSentNow) })}
          </strong>
        </p>
      ) : (
        <p>
          <strong>{t('serving.forecast.unknown')}</strong>
        </p>
      )}
      {forecast.lateReason === 'after230' ? <p>{t('serving.forecast.whyAfter230')}</p> : null}
      {forecast.lateReason === 'nonBusinessDay' ? <p>{t('serving.forecast.whyNonBusinessDay')}</p> : null}
      {forecast.serverNow === null ? (
        <p>{t('serving.forecast.neverSeen')}</p>
      ) : seenAt && (forecast.observedAgoMs ?? 0) > STALE_AFTER_MS ? (
        <p>{t('serving.forecast.staleClock', { time: formatDateTime(seenAt) })}</p>
      ) : (
        <p className="muted">{t('serving.forecast.basis', { time: formatDateTime(forecast.serverNow) })}</p>
      )}
      {forecastCautions(forecast).map((caution) => (
        <p key={caution}>{caution}</p>
      ))}
      <p className="muted">{t('serving.forecast.notServedYet')}</p>
    </div>
  );
}
