import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { formatBytes } from '../../ui/format';

const GB = 1024 ** 3;
const CHOICES = [null, 1 * GB, 2 * GB, 5 * GB, 10 * GB, 20 * GB, 50 * GB] as const;

/** The most disk the documents may take; downloads stop there and say so. */
export function StorageBudget() {
  const { t } = useTranslation();
  const id = useId();
  const budget = useAppStore((state) => state.settings?.storageBudgetBytes ?? null);
  const options: Array<number | null> = CHOICES.includes(budget as (typeof CHOICES)[number]) ? [...CHOICES] : [...CHOICES, budget];
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {t('syncStatus.budgetLabel')}
      </label>
      <select
        id={id}
        className="select"
        value={budget === null ? '' : String(budget)}
        onChange={(event) => {
          const value = event.target.value === '' ? null : Number(event.target.value);
          void bridge.call('settings.update', { storageBudgetBytes: value });
        }}
      >
        {options.map((choice) => (
          <option key={choice ?? 'none'} value={choice === null ? '' : String(choice)}>
            {choice === null ? t('syncStatus.budgetNone') : formatBytes(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}
