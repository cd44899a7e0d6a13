import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store';
import { useCasesStore } from '../../stores/cases-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { filterAndSortCases, type CaseSort } from './case-list-order';
import { CasesTable } from './CasesTable';
import { PendingAssociations } from './PendingAssociations';
import { SessionPanel } from './SessionPanel';

export function CasesScreen() {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const list = useCasesStore((state) => state.list);
  const listError = useCasesStore((state) => state.listError);
  const loadList = useCasesStore((state) => state.loadList);
  const recovered = useCasesStore((state) => state.sync?.cacheRecovered ?? false);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<CaseSort>('nextHearing');
  const filterId = useId();
  const sortId = useId();

  useEffect(() => {
    void loadList();
  }, [loadList]);

  const shown = useMemo(() => filterAndSortCases(list ?? [], filter, sort), [list, filter, sort]);

  return (
    <>
      <ScreenHeading>{t('cases.title')}</ScreenHeading>
      <SessionPanel />
      <ErrorMessage error={listError} />
      {recovered ? <p className="notice" role="status">{t('errors.databaseDamaged')}</p> : null}
      <PendingAssociations />
      <div className="toolbar">
        <button type="button" className="button" onClick={() => setView({ name: 'addCase' })}>
          {t('cases.addCase')}
        </button>
        <div className="field-inline">
          <label htmlFor={filterId}>{t('cases.filterLabel')}</label>
          <input id={filterId} className="input" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </div>
        <div className="field-inline">
          <label htmlFor={sortId}>{t('cases.sortLabel')}</label>
          <select id={sortId} className="select" value={sort} onChange={(event) => setSort(event.target.value as CaseSort)}>
            <option value="nextHearing">{t('cases.sortNextHearing')}</option>
            <option value="urn">{t('cases.sortUrn')}</option>
            <option value="defendant">{t('cases.sortDefendant')}</option>
          </select>
        </div>
      </div>
      {list === null ? (
        <p role="status">{t('cases.loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('cases.empty')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('cases.count', { shown: shown.length, total: list.length })}
          </p>
          {shown.length === 0 ? (
            <p>{t('cases.noMatches')}</p>
          ) : (
            <CasesTable cases={shown} />
          )}
        </>
      )}
    </>
  );
}
