import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../src-preload/api';
import { cy } from './cy';
import { en } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

export const catalogues = { en, cy } as const;

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, cy: { translation: cy } },
    // React escapes everything it renders; double escaping would show &amp; to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Error keys come from main as plain strings; unknown ones fall back to the generic message. */
export function errorText(messageKey: string): string {
  return i18next.exists(messageKey) ? i18next.t(messageKey as 'errors.internal') : i18next.t('errors.internal');
}
