import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../src-preload/api';
import { useAppStore } from '../../stores/app-store';
import { formatDateTime } from '../../ui/format';
import { OfflineBadge } from './OfflineBadge';

/**
 * Up to this many rows the table is rendered whole, so the browser's own find and a screen reader's
 * table navigation see every case. Beyond it, only the rows in view (plus a margin) are in the DOM:
 * laying out 500 rows costs Chromium about 250 ms on its own, and the list must stay instant.
 */
const RENDER_WHOLE_UP_TO = 100;
const ESTIMATED_ROW_PX = 88;

export function CasesTable({ cases }: { cases: CaseSummary[] }) {
  const { t } = useTranslation();
  return (
    <table className="table cases-table" aria-rowcount={cases.length + 1}>
      <caption className="visually-hidden">{t('cases.tableCaption')}</caption>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col">{t('cases.urn')}</th>
          <th scope="col">{t('cases.defendants')}</th>
          <th scope="col">{t('cases.nextHearing')}</th>
          <th scope="col">{t('cases.jurisdiction')}</th>
          <th scope="col">{t('cases.offline')}</th>
        </tr>
      </thead>
      {cases.length <= RENDER_WHOLE_UP_TO ? <WholeBody cases={cases} /> : <VirtualBody cases={cases} />}
    </table>
  );
}

function WholeBody({ cases }: { cases: CaseSummary[] }) {
  return (
    <tbody>
      {cases.map((item, index) => (
        <CaseRow key={item.id} item={item} rowIndex={index + 2} />
      ))}
    </tbody>
  );
}

function VirtualBody({ cases }: { cases: CaseSummary[] }) {
  const body = useRef<HTMLTableSectionElement>(null);
  // Where the rows start on the page: the window scrolls, and everything above the table counts.
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    if (body.current) setScrollMargin(body.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({ count: cases.length, estimateSize: () => ESTIMATED_ROW_PX, overscan: 8, scrollMargin });
  const rows = virtualizer.getVirtualItems();
  const before = (rows[0]?.start ?? scrollMargin) - scrollMargin;
  const after = virtualizer.getTotalSize() - ((rows[rows.length - 1]?.end ?? scrollMargin) - scrollMargin);
  return (
    <tbody ref={body}>
      {before > 0 ? <tr aria-hidden="true" style={{ height: before }} /> : null}
      {rows.map((row) => {
        const item = cases[row.index];
        return item ? <CaseRow key={item.id} item={item} rowIndex={row.index + 2} measure={virtualizer.measureElement} dataIndex={row.index} /> : null;
      })}
      {after > 0 ? <tr aria-hidden="true" style={{ height: after }} /> : null}
    </tbody>
  );
}

function CaseRow({ item, rowIndex, measure, dataIndex }: { item: CaseSummary; rowIndex: number; measure?: (node: Element | null) => void; dataIndex?: number }) {
  const { t, i18n } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const welsh = i18n.language === 'cy';
  return (
    <tr aria-rowindex={rowIndex} ref={measure} data-index={dataIndex}>
      <th scope="row">
        <button type="button" className="link-button urn" onClick={() => setView({ name: 'case', caseId: item.id })}>
          {item.urn}
        </button>
        {item.newMaterial ? <span className="badge badge-new">{t('cases.newMaterial')}</span> : null}
        {item.associationState === 'removed' ? <span className="badge badge-muted">{t('cases.removed')}</span> : null}
      </th>
      <td>{item.defendants.map((defendant) => defendant.name).join(', ')}</td>
      <td>
        {item.nextHearing ? (
          <>
            <span className="nowrap">{formatDateTime(item.nextHearing.at)}</span>
            <br />
            <span className="muted">
              {(welsh && item.nextHearing.courtWelshName) || item.nextHearing.courtName}
              {item.nextHearing.roomName ? ` · ${item.nextHearing.roomName}` : ''}
            </span>
          </>
        ) : (
          <span className="muted">{t('cases.noHearing')}</span>
        )}
      </td>
      <td>{item.jurisdiction === 'CROWN' ? t('cases.crown') : item.jurisdiction === 'MAGISTRATES' ? t('cases.magistrates') : ''}</td>
      <td>
        <OfflineBadge item={item} />
      </td>
    </tr>
  );
}
