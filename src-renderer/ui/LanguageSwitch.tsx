import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store';

/** Offers the other language, written in that language (as GOV.UK's Welsh services do). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const setLanguage = useAppStore((state) => state.setLanguage);
  const other = i18n.language === 'cy' ? 'en' : 'cy';
  return (
    <button
      type="button"
      className="language-switch"
      lang={other}
      aria-label={t('language.switchToLabel')}
      onClick={() => void setLanguage(other)}
    >
      {t('language.switchTo')}
    </button>
  );
}
