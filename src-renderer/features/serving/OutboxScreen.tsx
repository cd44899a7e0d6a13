import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceItem } from '../../../src-preload/api';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { AuditExport } from './AuditExport';
import { OutboxList } from './OutboxList';
import { OutboxStatusPanel } from './OutboxStatusPanel';
import { useServingStore } from './serving-store';
import { SystemNotificationsOffer } from './SystemNotificationsOffer';

const FILTERS = ['all', 'notServed', 'draft', 'queued', 'uploading', 'accepted', 'refused', 'cancelled'] as const;
type OutboxFilter = (typeof FILTERS)[number];

function matches(item: ServiceItem, filter: OutboxFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'notServed') return item.state === 'draft' || item.state === 'queued' || item.state === 'uploading';
  return item.state === filter;
}

/** Everything sent, being sent or waiting to be sent to CP, each in words, with its receipt. */
export function OutboxScreen() {
  const { t } = useTranslation();
  const items = useServingStore((state) => state.items);
  const loaded = useServingStore((state) => state.loaded);
  const loadError = useServingStore((state) => state.loadError);
  const [filter, setFilter] = useState<OutboxFilter>('all');
  const filterId = useId();
  const shown = useMemo(() => (filter === 'all' ? items : items.filter((item) => matches(item, filter))), [items, filter]);

  return (
    <>
      <ScreenHeading>{t('outbox.title')}</ScreenHeading>
      <p className="hint">{t('outbox.intro')}</p>
      <OutboxStatusPanel />
      <SystemNotificationsOffer />
      <ErrorMessage error={loadError} />
      <section className="section" aria-labelledby="outbox-items-title">
        <h2 id="outbox-items-title">{t('outbox.itemsTitle')}</h2>
        <div className="toolbar">
          <div className="field-inline">
            <label htmlFor={filterId}>{t('outbox.filterLabel')}</label>
            <select id={filterId} className="select" value={filter} onChange={(event) => setFilter(event.target.value as OutboxFilter)}>
              {FILTERS.map((value) => (
                <option key={value} value={value}>
                  {t(`outbox.filters.${value}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {!loaded ? (
          <p role="status">{t('outbox.loading')}</p>
        ) : items.length === 0 ? (
          <p>{t('outbox.empty')}</p>
        ) : (
          <>
            <p className="muted" role="status">
              {t('outbox.count', { shown: shown.length, total: items.length })}
            </p>
            {shown.length === 0 ? <p>{t('outbox.noMatches')}</p> : <OutboxList items={shown} />}
          </>
        )}
      </section>
      <AuditExport />
    </>
  );
}
