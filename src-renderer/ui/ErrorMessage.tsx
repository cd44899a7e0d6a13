import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../src-preload/api';
import { errorText } from '../i18n';

export function ErrorMessage({ error, id }: { error: ContractError | null; id?: string }) {
  useTranslation(); // re-render when the language changes
  if (!error) return null;
  const key = error.issues?.[0]?.messageKey ?? error.messageKey;
  return (
    <p className="error-message" id={id} role="alert">
      {errorText(key)}
    </p>
  );
}
