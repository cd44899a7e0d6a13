import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordRequest } from './pdf-loader';

/**
 * A password-protected PDF: the prosecution sometimes sends the password separately. It is handed to
 * pdf.js for this opening only and never stored.
 */
export function PasswordPrompt({ request, onCancel }: { request: PasswordRequest; onCancel: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), input: useId(), error: useId() };

  useEffect(() => {
    input.current?.focus();
  }, [request]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.submit(password);
    setPassword('');
  };

  return (
    <form className="viewer-failure" onSubmit={submit} aria-labelledby={ids.title} data-testid="viewer-password">
      <h3 id={ids.title}>{t('viewer.password.title')}</h3>
      <p>{t('viewer.password.hint')}</p>
      {request.incorrect ? (
        <p id={ids.error} className="error-message" role="alert">
          {t('viewer.password.wrong')}
        </p>
      ) : null}
      <label htmlFor={ids.input} className="label">
        {t('viewer.password.label')}
      </label>
      <input
        ref={input}
        id={ids.input}
        className="input input-short"
        type="password"
        autoComplete="off"
        value={password}
        aria-invalid={request.incorrect || undefined}
        aria-describedby={request.incorrect ? ids.error : undefined}
        onChange={(event) => setPassword(event.target.value)}
      />
      <div className="button-row viewer-password-buttons">
        <button type="submit" className="button" disabled={password.length === 0}>
          {t('viewer.password.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('viewer.password.cancel')}
        </button>
      </div>
    </form>
  );
}
