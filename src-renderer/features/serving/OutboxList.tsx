import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, ServiceItem } from '../../../src-preload/api';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatBytes } from '../../ui/format';
import { canCancel, canRetry } from './item-state-text';
import { useServingStore } from './serving-store';
import { ServiceItemState } from './ServiceItemState';

/**
 * As in My cases: up to this many items the list is rendered whole (the browser's find and a screen
 * reader see all of it); beyond it only the items in view, so 1,000 queued documents stay instant.
 */
const RENDER_WHOLE_UP_TO = 100;
const ESTIMATED_ROW_PX = 150;

export function OutboxList({ items }: { items: ServiceItem[] }) {
  return items.length <= RENDER_WHOLE_UP_TO ? (
    <ul className="plain-list outbox-list">
      {items.map((item) => (
        <OutboxRow key={item.id} item={item} />
      ))}
    </ul>
  ) : (
    <VirtualOutboxList items={items} />
  );
}

function VirtualOutboxList({ items }: { items: ServiceItem[] }) {
  const list = useRef<HTMLUListElement>(null);
  // Where the list starts on the page: the window scrolls, and everything above it counts.
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    if (list.current) setScrollMargin(list.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({ count: items.length, estimateSize: () => ESTIMATED_ROW_PX, overscan: 6, scrollMargin, getItemKey: (index) => items[index]?.id ?? index });
  const rows = virtualizer.getVirtualItems();
  const before = (rows[0]?.start ?? scrollMargin) - scrollMargin;
  const after = virtualizer.getTotalSize() - ((rows[rows.length - 1]?.end ?? scrollMargin) - scrollMargin);
  return (
    <ul ref={list} className="plain-list outbox-list" style={{ paddingTop: before, paddingBottom: Math.max(0, after) }}>
      {rows.map((row) => {
        const item = items[row.index];
        return item ? <OutboxRow key={item.id} item={item} measure={virtualizer.measureElement} dataIndex={row.index} /> : null;
      })}
    </ul>
  );
}

interface RowProps {
  item: ServiceItem;
  measure?: (node: Element | null) => void;
  dataIndex?: number;
}

/** Memoised on the item object: the store keeps unchanged items' objects, so a progress tick re-renders one row. */
const OutboxRow = memo(function OutboxRow({ item, measure, dataIndex }: RowProps) {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (method: 'serving.cancel' | 'serving.retry') => {
    setBusy(true);
    setError(null);
    const result = await bridge.call(method, { itemId: item.id });
    setBusy(false);
    if (result.ok) useServingStore.getState().upsert([result.value]);
    else setError(result.error);
  };

  return (
    <li className="outbox-item" ref={measure} data-index={dataIndex} data-testid="outbox-item">
      <h3 className="outbox-item-name">{item.name}</h3>
      <p className="muted outbox-item-meta">
        <button type="button" className="link-button" onClick={() => setView({ name: 'case', caseId: item.caseId })}>
          {item.urn}
        </button>
        {item.defendantNames.length > 0 ? ` · ${item.defendantNames.join(', ')}` : ''}
        {item.documentType ? ` · ${t(`serving.documentTypes.${item.documentType}`)}` : ''} · {formatBytes(item.size)}
        {item.pageCount ? ` · ${t('case.pages', { count: item.pageCount })}` : ''}
      </p>
      <ServiceItemState item={item} />
      {canCancel(item) || canRetry(item) ? (
        <div className="button-row">
          {canRetry(item) ? (
            <button type="button" className="button button-secondary button-small" aria-disabled={busy} aria-label={t('outbox.retryLabel', { name: item.name })} onClick={() => !busy && void act('serving.retry')}>
              {t('outbox.retry')}
            </button>
          ) : null}
          {canCancel(item) ? (
            <button type="button" className="button button-secondary button-small" aria-disabled={busy} aria-label={t('outbox.cancelLabel', { name: item.name })} onClick={() => !busy && void act('serving.cancel')}>
              {t('outbox.cancel')}
            </button>
          ) : null}
        </div>
      ) : null}
      <ErrorMessage error={error} />
    </li>
  );
});
