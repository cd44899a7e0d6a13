import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../src-preload/api';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { useCasesStore } from '../../stores/cases-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatBytes, formatDate, formatDateTime } from '../../ui/format';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { courtToday } from '../hearings/court-today';
import { HearingCheckIn } from '../hearings/HearingCheckIn';
import { useCheckIns } from '../hearings/use-check-ins';
import { VersionBanner } from '../notes/VersionBanner';
import { CaseServedDocuments } from '../serving/CaseServedDocuments';
import { CaseForms } from '../forms/CaseForms';
import { useServiceForecast } from '../serving/use-service-forecast';
import { openInViewer } from '../viewer/open-in-viewer';
import { LeaveCase } from './LeaveCase';
import { OfflineBadge } from './OfflineBadge';

const SECTIONS = ['IDPC', 'MCEB', 'WS', 'EX', 'UM', 'DEFENCE'] as const;
type Section = (typeof SECTIONS)[number] | 'OTHER';

export function CaseScreen({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const detail = useCasesStore((state) => (state.detail?.summary.id === caseId ? state.detail : null));
  const detailError = useCasesStore((state) => state.detailError);
  const loadDetail = useCasesStore((state) => state.loadDetail);

  useEffect(() => {
    void loadDetail(caseId);
    // The case on screen downloads first.
    void bridge.call('cases.focus', { caseId });
    return () => void bridge.call('cases.focus', { caseId: null });
  }, [caseId, loadDetail]);

  return (
    <>
      <p>
        <button type="button" className="link-button" onClick={() => setView({ name: 'cases' })}>
          {t('case.back')}
        </button>
      </p>
      {detail ? <CaseBody detail={detail} /> : detailError ? <ErrorMessage error={detailError} /> : null}
    </>
  );
}

function CaseBody({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const { summary } = detail;
  const welsh = i18n.language === 'cy';
  const now = new Date().toISOString();
  const pleaText = (plea: string | null) => (plea && isKnownPlea(plea) ? t(`case.pleas.${plea}`) : (plea ?? t('case.notRecorded')));
  const upcoming = detail.hearings.filter((hearing) => hearing.sittingDays.some((day) => day.sittingDay >= now.slice(0, 10)));
  const past = detail.hearings.filter((hearing) => !upcoming.includes(hearing));
  // Check-in happens on a sitting day by CP's clock (as last seen), the laptop's only if CP was never reached.
  const checkIns = useCheckIns(summary.id);
  const today = courtToday(useServiceForecast());

  return (
    <>
      <ScreenHeading>
        {summary.urn} · {summary.defendants.map((defendant) => defendant.name).join(', ')}
      </ScreenHeading>
      {/* A republished bundle: what changed and where the notes went; the old version stays readable until dismissed. */}
      <VersionBanner caseId={summary.id} onOpenOldVersion={(materialId, documentId) => openInViewer({ caseId: summary.id, documentId, materialId })} />
      <div className="toolbar">
        <OfflineBadge item={summary} />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={summary.keepOffline}
            onChange={(event) => void bridge.call('cases.setKeepOffline', { caseId: summary.id, keep: event.target.checked })}
          />
          {t('case.keepOffline')}
        </label>
      </div>

      <section aria-labelledby="defendants-title" className="section">
        <h2 id="defendants-title">{t('case.defendantsTitle')}</h2>
        {detail.defendants.map((defendant) => (
          <div key={defendant.id} className="card defendant">
            <h3>{defendant.name}</h3>
            <dl className="summary">
              <dt>{t('case.dateOfBirth')}</dt>
              <dd>{defendant.dateOfBirth ? formatDate(defendant.dateOfBirth) : t('case.notRecorded')}</dd>
              {defendant.pncId ? (
                <>
                  <dt>{t('case.pncId')}</dt>
                  <dd>{defendant.pncId}</dd>
                </>
              ) : null}
            </dl>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('case.offence')}</th>
                  <th scope="col">{t('case.wording')}</th>
                  <th scope="col">{t('case.plea')}</th>
                  <th scope="col">{t('case.modeOfTrial')}</th>
                </tr>
              </thead>
              <tbody>
                {defendant.offences.map((offence) => (
                  <tr key={offence.id}>
                    <th scope="row">
                      {offence.title} <span className="muted">({offence.code})</span>
                    </th>
                    <td>{offence.wording ?? t('case.notRecorded')}</td>
                    <td>{pleaText(offence.plea ?? offence.indicatedPlea)}</td>
                    <td>{offence.modeOfTrial ?? t('case.notRecorded')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>

      <section aria-labelledby="hearings-title" className="section">
        <h2 id="hearings-title">{t('case.hearingsTitle')}</h2>
        {[
          { title: t('case.upcoming'), hearings: upcoming },
          { title: t('case.past'), hearings: past },
        ].map((group) => (
          <div key={group.title}>
            <h3>{group.title}</h3>
            {group.hearings.length === 0 ? (
              <p className="muted">{t('case.noHearings')}</p>
            ) : (
              <ul className="plain-list">
                {group.hearings.map((hearing) => (
                  <li key={hearing.id}>
                    <strong>{formatDateTime(hearing.firstSittingAt)}</strong> —{' '}
                    {t('case.hearingLine', {
                      type: hearing.hearingType,
                      court: (welsh && hearing.courtWelshName) || hearing.courtName,
                    })}
                    {hearing.roomName ? `, ${hearing.roomName}` : ''}
                    <HearingCheckIn caseId={summary.id} hearing={hearing} defendants={detail.defendants} checkIns={checkIns.checkIns} today={today} onCheckIn={checkIns.put} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>

      <CaseServedDocuments caseId={summary.id} />

      <CaseForms caseId={summary.id} crownCourt={summary.jurisdiction === 'CROWN'} />

      <section aria-labelledby="documents-title" className="section">
        <h2 id="documents-title">{t('case.documentsTitle')}</h2>
        {groupBySection(detail.documents).map(([section, documents]) => (
          <div key={section}>
            <h3>{t(`case.sections.${section}`)}</h3>
            {documents.length === 0 ? (
              <p className="muted">{t('case.noDocuments')}</p>
            ) : (
              <ul className="plain-list documents">
                {documents.map((document) => (
                  <li key={document.id}>
                    <span className="document-name">{document.name}</span>
                    <ul className="plain-list materials">
                      {document.materials.map((material, index) => (
                        <li key={material.id} data-state={material.state}>
                          {index < document.materials.length - 1 ? <span className="badge badge-muted">{t('case.superseded')}</span> : null}
                          <span className="muted">
                            {t('case.published', { date: formatDate(material.publishedDate ?? material.uploadedAt) })}
                            {material.pageCount ? ` · ${t('case.pages', { count: material.pageCount })}` : ''} · {formatBytes(material.size)}
                          </span>{' '}
                          <span className={`badge badge-state-${material.state}`}>{t(`case.materialState.${material.state}`)}</span>
                          {material.state === 'stored' ? (
                            <>
                              {' '}
                              <button
                                type="button"
                                className="link-button"
                                aria-label={t(index < document.materials.length - 1 ? 'viewer.openEarlierLabel' : 'viewer.openLabel', { name: document.name })}
                                onClick={() => openInViewer({ caseId: summary.id, documentId: document.id, materialId: material.id })}
                              >
                                {t('viewer.open')}
                              </button>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>

      <LeaveCase detail={detail} />
    </>
  );
}

const PLEAS = ['GUILTY', 'NOT_GUILTY', 'INDICATED_GUILTY', 'INDICATED_NOT_GUILTY'] as const;
function isKnownPlea(plea: string): plea is (typeof PLEAS)[number] {
  return (PLEAS as readonly string[]).includes(plea);
}

function groupBySection(documents: CaseDetail['documents']): Array<[Section, CaseDetail['documents']]> {
  const known = new Set<string>(SECTIONS);
  const groups: Array<[Section, CaseDetail['documents']]> = SECTIONS.map((section) => [
    section,
    documents.filter((document) => document.section === section),
  ]);
  const other = documents.filter((document) => !known.has(document.section));
  if (other.length > 0) groups.push(['OTHER', other]);
  return groups.filter(([section, list]) => list.length > 0 || section === 'IDPC');
}
