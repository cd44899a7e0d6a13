import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { ScreenHeading } from '../../ui/ScreenHeading';

const LATENCIES_MS = [0, 2_000, 10_000] as const;
const ERROR_RATES = [0, 0.3, 1] as const;
const CLOCK_OFFSETS_HOURS = [0, 3, 8] as const;

/** The demo's "bad day" switches: they drive the practice server's fault switches over the contract. */
export function SandboxScreen() {
  const { t } = useTranslation();
  const sandbox = useAppStore((state) => state.sandbox);
  const setFaults = useAppStore((state) => state.setSandboxFaults);
  const latencyId = useId();
  const errorRateId = useId();
  const clockId = useId();
  if (!sandbox) return null;
  const faults = sandbox.faults;

  return (
    <>
      <ScreenHeading>{t('sandbox.title')}</ScreenHeading>
      <p>{t('sandbox.intro')}</p>
      <dl className="summary">
        <dt>{t('sandbox.status')}</dt>
        <dd data-testid="sandbox-state">
          {sandbox.state === 'running'
            ? t('sandbox.running', { url: sandbox.url ?? '' })
            : sandbox.state === 'starting'
              ? t('sandbox.starting')
              : sandbox.state === 'failed'
                ? t('sandbox.failed')
                : t('sandbox.stopped')}
        </dd>
      </dl>
      {sandbox.state !== 'running' ? (
        <button type="button" className="button" onClick={() => void bridge.call('sandbox.start', { dataset: 'small' })}>
          {t('sandbox.start')}
        </button>
      ) : null}
      {faults ? (
        <fieldset className="section faults">
          <legend>
            <h2>{t('sandbox.faultsTitle')}</h2>
          </legend>
          <label className="checkbox">
            <input type="checkbox" checked={faults.offline} onChange={(event) => void setFaults({ offline: event.target.checked })} />
            {t('sandbox.offline')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={faults.rateLimit !== null}
              onChange={(event) => void setFaults({ rateLimit: event.target.checked ? { retryAfterSeconds: 30 } : null })}
            />
            {t('sandbox.rateLimit')}
          </label>
          <div className="field">
            <label htmlFor={latencyId} className="label">
              {t('sandbox.latency')}
            </label>
            <select
              id={latencyId}
              className="select"
              value={String(faults.latencyMs)}
              onChange={(event) => void setFaults({ latencyMs: Number(event.target.value) })}
            >
              {withCurrent(LATENCIES_MS, faults.latencyMs).map((ms) => (
                <option key={ms} value={ms}>
                  {ms === 0 ? t('sandbox.latencyNone') : t('sandbox.latencySeconds', { count: ms / 1000 })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={errorRateId} className="label">
              {t('sandbox.errorRate')}
            </label>
            <select
              id={errorRateId}
              className="select"
              value={String(faults.errorRate)}
              onChange={(event) => void setFaults({ errorRate: Number(event.target.value) })}
            >
              {withCurrent(ERROR_RATES, faults.errorRate).map((rate) => (
                <option key={rate} value={rate}>
                  {rate === 0 ? t('sandbox.errorRateNone') : t('sandbox.errorRatePercent', { percent: Math.round(rate * 100) })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={clockId} className="label">
              {t('sandbox.clockOffset')}
            </label>
            <select
              id={clockId}
              className="select"
              value={String(faults.clockOffsetMs)}
              onChange={(event) => void setFaults({ clockOffsetMs: Number(event.target.value) })}
            >
              {withCurrent(
                CLOCK_OFFSETS_HOURS.map((hours) => hours * 3_600_000),
                faults.clockOffsetMs,
              ).map((ms) => (
                <option key={ms} value={ms}>
                  {ms === 0 ? t('sandbox.clockOffsetNone') : t('sandbox.clockOffsetHours', { hours: Math.round(ms / 3_600_000) })}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button button-secondary" onClick={() => void bridge.call('sandbox.resetFaults', {})}>
            {t('sandbox.reset')}
          </button>
        </fieldset>
      ) : null}
    </>
  );
}

/** A value set elsewhere (the control API, a script) still shows as selected rather than vanishing. */
function withCurrent(options: readonly number[], current: number): number[] {
  return options.includes(current) ? [...options] : [...options, current].sort((a, b) => a - b);
}
