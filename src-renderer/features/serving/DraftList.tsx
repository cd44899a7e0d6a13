import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, ServiceItem } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatBytes } from '../../ui/format';
import { useServingStore } from './serving-store';

/** Drafts ready to queue: pages and size as main read them, a name to serve under, and Remove. */
export function DraftList({ drafts, names, onRename }: { drafts: ServiceItem[]; names: Record<string, string>; onRename(id: string, name: string): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ContractError | null>(null);
  if (drafts.length === 0) return <p className="muted">{t('serving.noDrafts')}</p>;

  const remove = async (item: ServiceItem) => {
    setError(null);
    const result = await bridge.call('serving.cancel', { itemId: item.id });
    if (result.ok) useServingStore.getState().upsert([result.value]);
    else setError(result.error);
  };

  return (
    <>
      <ul className="plain-list draft-list" aria-label={t('serving.draftsTitle')}>
        {drafts.map((item) => (
          <li key={item.id} className="draft-item" data-testid="serve-draft">
            <p>
              <span className="document-name">{item.name}</span>{' '}
              <span className="muted">
                {item.pageCount ? `${t('case.pages', { count: item.pageCount })} · ` : ''}
                {formatBytes(item.size)}
              </span>{' '}
              <span className="badge badge-serve-draft">{t('serving.state.draft')}</span>
            </p>
            <div className="draft-actions">
              <label className="field-inline">
                {t('serving.renameLabel', { name: item.name })}
                <input className="input" type="text" maxLength={255} value={names[item.id] ?? item.name} onChange={(event) => onRename(item.id, event.target.value)} />
              </label>
              <button type="button" className="button button-secondary button-small" aria-label={t('serving.removeDraftLabel', { name: item.name })} onClick={() => void remove(item)}>
                {t('serving.removeFile')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
    </>
  );
}
