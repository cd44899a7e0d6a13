import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src-preload/api';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { CpAddressForm } from './CpAddressForm';

const LANGUAGES: readonly Language[] = ['en', 'cy'];

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useAppStore((state) => state.settings);
  const info = useAppStore((state) => state.info);
  const setLanguage = useAppStore((state) => state.setLanguage);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const languageHintId = useId();

  if (!settings || !info) return null;
  const target = settings.mode === 'sandbox' ? t('connectivity.targetSandbox') : (settings.cpBaseUrl ?? '');

  return (
    <>
      <ScreenHeading>{t('settings.title')}</ScreenHeading>

      <section className="section" aria-labelledby="language-title">
        <h2 id="language-title">{t('settings.languageTitle')}</h2>
        <fieldset className="radios" aria-describedby={languageHintId}>
          <legend className="visually-hidden">{t('settings.languageTitle')}</legend>
          <p id={languageHintId} className="hint">
            {t('settings.languageHint')}
          </p>
          {LANGUAGES.map((language) => (
            <label key={language} className="radio" lang={language}>
              <input
                type="radio"
                name="language"
                value={language}
                checked={settings.language === language}
                onChange={() => void setLanguage(language)}
              />
              {t(`language.${language}`)}
            </label>
          ))}
        </fieldset>
      </section>

      <section className="section" aria-labelledby="connection-title">
        <h2 id="connection-title">{t('settings.connectionTitle')}</h2>
        <p>
          {settings.mode === 'sandbox'
            ? t('settings.currentSandbox')
            : settings.mode === 'commonPlatform'
              ? t('settings.currentCp', { address: settings.cpBaseUrl ?? '' })
              : t('settings.currentNone')}
        </p>
        <details className="details">
          <summary>{t('settings.changeAddress')}</summary>
          <CpAddressForm
            submitLabel={t('settings.save')}
            initial={settings.cpBaseUrl ?? ''}
            onSaved={() => setSaved(true)}
          />
          {saved ? <p role="status">{t('settings.saved')}</p> : null}
        </details>
        {settings.mode !== 'unconfigured' ? (
          confirming ? (
            <div className="confirm" role="alertdialog" aria-labelledby="disconnect-question">
              <p id="disconnect-question">{t('settings.disconnectConfirm', { target })}</p>
              <div className="button-row">
                <button type="button" className="button button-warning" onClick={() => void bridge.call('cp.disconnect', {})}>
                  {t('settings.confirm')}
                </button>
                <button type="button" className="button button-secondary" autoFocus onClick={() => setConfirming(false)}>
                  {t('settings.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
              {t('settings.disconnect')}
            </button>
          )
        ) : null}
      </section>

      <section className="section" aria-labelledby="about-title">
        <h2 id="about-title">{t('settings.aboutTitle')}</h2>
        <p>{t('settings.version', { version: info.version })}</p>
        <p>
          {info.shell === 'electron'
            ? t('settings.shellElectron', { version: info.electronVersion ?? '' })
            : t('settings.shellBrowser')}
        </p>
        <p className="disclaimer">{t('app.notHmcts')}</p>
      </section>
    </>
  );
}
