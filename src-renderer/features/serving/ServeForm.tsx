import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ServeDocumentTypeSchema, type CaseDetail, type ContractError, type ServeDocumentType, type ServiceItem } from '../../../src-preload/api';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DraftList } from './DraftList';
import { FileDropZone } from './FileDropZone';
import { loadCaseDrafts, useServingStore } from './serving-store';
import { ServiceForecastNotice } from './ServiceForecastNotice';
import { StagingUploads } from './StagingUploads';
import { useServiceForecast } from './use-service-forecast';
import { useStaging } from './use-staging';
import { DefendantChoice } from '../../ui/DefendantChoice';

/** The contract takes at most this many items in one `serving.queue` call. */
const QUEUE_BATCH = 50;

type Problem = 'noDefendants' | 'noDrafts' | 'noType' | 'stillStaging';

export function ServeForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const caseId = detail.summary.id;
  const setView = useAppStore((state) => state.setView);
  const items = useServingStore((state) => state.items);
  const drafts = useMemo(() => items.filter((item) => item.caseId === caseId && item.state === 'draft'), [items, caseId]);
  const forecast = useServiceForecast();
  const staging = useStaging(caseId);
  const [defendantIds, setDefendantIds] = useState<string[]>(() => detail.defendants.map((defendant) => defendant.id));
  const [documentType, setDocumentType] = useState<ServeDocumentType | ''>('');
  const [note, setNote] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<ContractError | null>(null);
  const [queued, setQueued] = useState<ServiceItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  const ids = { type: useId(), note: useId(), files: useId(), defendants: useId(), problems: useId() };

  useEffect(() => {
    void loadCaseDrafts(caseId).then((failure) => failure && setError(failure));
  }, [caseId]);

  useEffect(() => {
    if (queued) confirmation.current?.focus();
  }, [queued]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Problem[] = [];
    if (defendantIds.length === 0) found.push('noDefendants');
    if (drafts.length === 0) found.push(staging.uploads.some((upload) => !upload.error) ? 'stillStaging' : 'noDrafts');
    if (documentType === '') found.push('noType');
    setProblems(found);
    setError(null);
    if (found.length > 0 || documentType === '') return;
    setBusy(true);
    const done: ServiceItem[] = [];
    for (let start = 0; start < drafts.length; start += QUEUE_BATCH) {
      const batch = drafts.slice(start, start + QUEUE_BATCH);
      const renamed = Object.fromEntries(
        batch.flatMap((item) => {
          const name = names[item.id]?.trim();
          return name && name !== item.name ? [[item.id, name]] : [];
        }),
      );
      const result = await bridge.call('serving.queue', {
        itemIds: batch.map((item) => item.id),
        defendantIds,
        documentType,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(Object.keys(renamed).length > 0 ? { names: renamed } : {}),
      });
      if (!result.ok) {
        setError(result.error);
        break;
      }
      done.push(...result.value);
      useServingStore.getState().upsert(result.value);
    }
    setBusy(false);
    if (done.length > 0) {
      setQueued(done);
      setNote('');
      setNames({});
      setDocumentType('');
    }
  };

  const invalid = (problem: Problem) => problems.includes(problem);

  return (
    <form className="serve-form" onSubmit={(event) => void submit(event)} noValidate>
      {queued ? (
        <div className="panel serve-confirmation" tabIndex={-1} ref={confirmation} role="status" data-testid="serve-confirmation">
          <p>
            <strong>{t('serving.queuedTitle')}</strong>
          </p>
          <p>{t('serving.queuedCount', { count: queued.length })}</p>
          <ul className="plain-list">
            {queued.map((item) => (
              <li key={item.id}>{item.name}</li>
            ))}
          </ul>
          <p>{t('serving.queuedHint')}</p>
          <button type="button" className="link-button" onClick={() => setView({ name: 'outbox' })}>
            {t('serving.openOutbox')}
          </button>
        </div>
      ) : null}

      <ServiceForecastNotice forecast={forecast} />

      <DefendantChoice
        className="section radios"
        legend={<h2>{t('serving.defendantsTitle')}</h2>}
        defendants={detail.defendants}
        selected={defendantIds}
        onChange={setDefendantIds}
        problem={invalid('noDefendants') ? t('serving.problems.noDefendants') : null}
        problemId={ids.defendants}
      />

      <section className="section" aria-labelledby={`${ids.files}-title`}>
        <h2 id={`${ids.files}-title`}>{t('serving.filesTitle')}</h2>
        <p className="hint" id={`${ids.files}-hint`}>
          {t('serving.filesHint')}
        </p>
        {invalid('noDrafts') || invalid('stillStaging') ? (
          <p className="error-message" id={ids.files}>
            {t(invalid('noDrafts') ? 'serving.problems.noDrafts' : 'serving.problems.stillStaging')}
          </p>
        ) : null}
        <FileDropZone onFiles={staging.add} describedBy={`${ids.files}-hint`} />
        <StagingUploads uploads={staging.uploads} onRemove={staging.remove} />
        <h3>{t('serving.draftsTitle')}</h3>
        <DraftList drafts={drafts} names={names} onRename={(id, name) => setNames((all) => ({ ...all, [id]: name }))} />
      </section>

      <section className="section" aria-labelledby={`${ids.type}-title`}>
        <h2 id={`${ids.type}-title`}>{t('serving.aboutTitle')}</h2>
        <div className="field">
          <label htmlFor={ids.type} className="label">
            {t('serving.documentTypeLabel')}
          </label>
          {invalid('noType') ? (
            <p className="error-message" id={`${ids.type}-error`}>
              {t('serving.problems.noType')}
            </p>
          ) : null}
          <select
            id={ids.type}
            className="select"
            value={documentType}
            aria-invalid={invalid('noType')}
            aria-describedby={invalid('noType') ? `${ids.type}-error` : undefined}
            onChange={(event) => setDocumentType(event.target.value as ServeDocumentType | '')}
          >
            <option value="">{t('serving.documentTypeChoose')}</option>
            {ServeDocumentTypeSchema.options.map((value) => (
              <option key={value} value={value}>
                {t(`serving.documentTypes.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.note} className="label">
            {t('serving.noteLabel')}
          </label>
          <p className="hint" id={`${ids.note}-hint`}>
            {t('serving.noteHint')}
          </p>
          <textarea id={ids.note} className="input serve-note" maxLength={2000} aria-describedby={`${ids.note}-hint`} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
      </section>

      {problems.length > 0 ? (
        <p className="error-message" role="alert" id={ids.problems}>
          {t('serving.problems.summary')}
        </p>
      ) : null}
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy}>
          {t('serving.queue')}
        </button>
      </div>
      <p className="hint">{t('serving.queueHint')}</p>
    </form>
  );
}
