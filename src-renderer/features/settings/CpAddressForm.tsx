import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** Asks for a Common Platform address; main validates it (https, or http on loopback only). */
export function CpAddressForm({ submitLabel, initial = '', onSaved }: { submitLabel: string; initial?: string; onSaved?: () => void }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState(initial);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await bridge.call('cp.connect', { baseUrl: address });
    setBusy(false);
    if (result.ok) {
      setError(null);
      onSaved?.();
    } else {
      setError(result.error);
    }
  };

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={inputId} className="label">
        {t('firstRun.addressLabel')}
      </label>
      <p id={hintId} className="hint">
        {t('firstRun.connectHint')}
      </p>
      <ErrorMessage error={error} id={errorId} />
      <input
        id={inputId}
        className="input"
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        placeholder="https://"
        value={address}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setAddress(event.target.value)}
      />
      <div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('firstRun.connecting') : submitLabel}
        </button>
      </div>
    </form>
  );
}
