import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../src-preload/api';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { CpAddressForm } from '../settings/CpAddressForm';

/** Shown until the app has somewhere to get cases from: a real CP address, or the sample cases. */
export function FirstRunScreen() {
  const { t } = useTranslation();
  const sandbox = useAppStore((state) => state.sandbox);
  const [error, setError] = useState<ContractError | null>(null);
  const starting = sandbox?.state === 'starting';

  const explore = async () => {
    setError(null);
    const result = await bridge.call('sandbox.start', { dataset: 'small' });
    if (!result.ok) setError(result.error);
  };

  return (
    <div className="first-run">
      <ScreenHeading>{t('firstRun.title')}</ScreenHeading>
      <p className="lead">{t('firstRun.intro')}</p>
      <div className="choices">
        <section className="card" aria-labelledby="connect-title">
          <h2 id="connect-title">{t('firstRun.connectTitle')}</h2>
          <CpAddressForm submitLabel={t('firstRun.connect')} />
        </section>
        <section className="card" aria-labelledby="explore-title">
          <h2 id="explore-title">{t('firstRun.exploreTitle')}</h2>
          <p>{t('firstRun.exploreHint')}</p>
          <ErrorMessage error={error} />
          <button type="button" className="button button-secondary" disabled={starting} onClick={() => void explore()}>
            {t('firstRun.explore')}
          </button>
          {starting ? <SandboxProgress done={sandbox.progress?.done ?? 0} total={sandbox.progress?.total ?? 0} /> : null}
        </section>
      </div>
      <p className="disclaimer">{t('app.notHmcts')}</p>
    </div>
  );
}

function SandboxProgress({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation();
  const label = total > 0 ? t('firstRun.preparingProgress', { done, total }) : t('firstRun.preparing');
  return (
    <div className="progress" role="status" aria-live="polite">
      <progress max={total || undefined} value={total ? done : undefined} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
