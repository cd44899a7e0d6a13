import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerReader } from '../../../src-preload/contract/forms';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDateTime, formatTime } from '../../ui/format';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { fieldDomId, partOf } from './answer-paths';
import { ConflictPanel } from './ConflictPanel';
import { ContactEmailChangeStatus } from './ContactEmailChangeStatus';
import { useDraftStateText } from './draft-state-text';
import { defenceEditsPart, useLocalText } from './form-definition-types';
import { FormHistory } from './FormHistory';
import { FormPartView } from './FormPartView';
import { FormPdfExport } from './FormPdfExport';
import { issuesByPath } from './issue-text';
import { MissingSummary } from './MissingSummary';
import { PartNavigator } from './PartNavigator';
import { SubmitPanel } from './SubmitPanel';
import { useDraftAutosave } from './use-draft-autosave';
import { useFormView, type FormViewState, type ShownView } from './use-form-view';
import { useSectionLocks } from './use-section-lock';

/** A PET or BCM form, generated from its definition: the user's draft, saved on this laptop as they type. */
export function FormScreen({ caseId, formId }: { caseId: string; formId: string }) {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const { shown, loadError, run, queue } = useFormView(formId);
  return (
    <>
      <p>
        <button type="button" className="link-button" onClick={() => setView({ name: 'case', caseId })}>
          {t('forms.backToCase')}
        </button>
      </p>
      {shown ? (
        <FormBody shown={shown} run={run} queue={queue} caseId={caseId} />
      ) : loadError ? (
        <ErrorMessage error={loadError} />
      ) : (
        <p role="status" className="loading">
          {t('forms.loading')}
        </p>
      )}
    </>
  );
}

interface BodyProps {
  shown: ShownView;
  caseId: string;
  run: FormViewState['run'];
  queue: FormViewState['queue'];
}

function FormBody({ shown, caseId, run, queue }: BodyProps) {
  const { view } = shown;
  const { t } = useTranslation();
  const text = useLocalText();
  const setView = useAppStore((state) => state.setView);
  const stateText = useDraftStateText();
  const formId = view.item.formId;
  const autosave = useDraftAutosave(formId, shown, queue);
  const locks = useSectionLocks(formId, view);
  const { definition } = view;
  // Without `today` a condition comparing with it counts as met: main's validation, on its clock, judges such dates.
  const conditions = useMemo(() => new AnswerReader(definition, autosave.answers, null), [definition, autosave.answers]);
  const missingByPart = useMemo(() => {
    const counts = new Map<string, number>();
    for (const issue of view.missing) counts.set(partOf(issue.path), (counts.get(partOf(issue.path)) ?? 0) + 1);
    return counts;
  }, [view.missing]);
  const [partId, setPartId] = useState(() => {
    const ours = definition.parts.filter(defenceEditsPart);
    return (ours.find((part) => (missingByPart.get(part.id) ?? 0) > 0) ?? ours[0] ?? definition.parts[0])?.id ?? '';
  });
  const [showMissing, setShowMissing] = useState(false);
  const [missingOpen, setMissingOpen] = useState(false);
  const focusAfter = useRef<string | null>(null);
  const state = view.draft?.state ?? null;
  const editable = state !== 'queued';
  const problems = useMemo(() => issuesByPath(showMissing ? [...view.issues, ...view.missing] : view.issues), [showMissing, view.issues, view.missing]);
  const part = definition.parts.find((p) => p.id === partId) ?? definition.parts[0];
  const partHeadingId = 'form-part-heading';

  // "Submitted" turns into "Sent" when main says the draft is gone because CP took it (worked out while
  // rendering, from the state the previous render saw).
  const [seenState, setSeenState] = useState(state);
  const [sent, setSent] = useState(false);
  if (state !== seenState) {
    setSeenState(state);
    setSent(seenState === 'queued' && state === null);
  }

  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === null) return;
    (document.getElementById(target) ?? document.getElementById(partHeadingId))?.focus();
  });

  const selectPart = (next: string) => {
    void autosave.flush();
    focusAfter.current = partHeadingId;
    setPartId(next);
  };
  const goToField = (path: string) => {
    setShowMissing(true);
    focusAfter.current = fieldDomId(path);
    if (partOf(path) !== partId) void autosave.flush();
    setPartId(partOf(path));
  };
  const showAllMissing = () => {
    setShowMissing(true);
    setMissingOpen(true);
    focusAfter.current = 'form-missing-title';
  };
  const { flush } = autosave;
  const onLeaveField = useCallback(() => void flush(), [flush]);
  const resolve = async (choices: Array<{ path: string; take: 'mine' | 'theirs' }>) => {
    await autosave.flush();
    const result = await run(() => bridge.call('forms.resolveConflicts', { formId, choices }));
    return result.ok ? null : result.error;
  };

  return (
    <>
      <ScreenHeading>{t('forms.screenTitle', { title: text(definition.title), urn: view.urn })}</ScreenHeading>
      <p className="muted">
        {t('forms.forDefendants', { names: view.item.defendantNames.join(', ') })} · {t('forms.cpVersion', { version: view.cp.version, date: formatDateTime(view.cp.lastUpdated) })}
      </p>

      <div className="form-status panel" data-state={state ?? 'none'} role="status">
        <p className="form-status-title">
          {sent && state === null ? t('forms.status.sent', { version: view.cp.version }) : state === null ? t('forms.status.cpCopy') : stateText(view.item.draft, view.draft?.errorKey)}
        </p>
        {state === 'queued' ? <p>{t('forms.status.queued')}</p> : null}
        {/* One line of saving state from the first render on: the line appearing with the first save would move the fields under the pointer. */}
        {editable ? (
          <p>
            {autosave.save.state === 'unsaved'
              ? t('forms.saving')
              : autosave.save.state === 'failed'
                ? t('forms.saveFailed')
                : view.draft
                  ? t('forms.savedAt', { time: formatTime(view.draft.updatedAt) })
                  : t('forms.status.startDraft')}
          </p>
        ) : null}
        {autosave.save.state === 'failed' ? <ErrorMessage error={autosave.save.error} /> : null}
      </div>

      {state === 'conflict' ? <ConflictPanel key={view.draft?.updatedAt} view={view} onResolve={resolve} /> : null}
      {editable ? <MissingSummary view={view} issues={[...view.issues, ...view.missing]} open={missingOpen} onOpenChange={setMissingOpen} onGo={goToField} /> : null}

      <div className="form-layout">
        <PartNavigator parts={definition.parts} current={part?.id ?? ''} missing={missingByPart} onSelect={selectPart} />
        {part ? (
          <FormPartView
            part={part}
            conditions={conditions}
            problems={problems}
            editable={editable}
            lock={locks.lockOf(part.id)}
            headingId={partHeadingId}
            onChange={autosave.change}
            onEnter={locks.enter}
            onLeaveField={onLeaveField}
          />
        ) : null}
      </div>

      <SubmitPanel view={view} missingCount={view.missing.length} flush={autosave.flush} forget={autosave.forget} run={run} onShowMissing={showAllMissing} />

      <section className="section" aria-labelledby="form-more-title">
        <h2 id="form-more-title">{t('forms.moreTitle')}</h2>
        <FormPdfExport formId={formId} beforeExport={autosave.flush} />
        {view.item.formType === 'BCM' ? (
          <>
            <ContactEmailChangeStatus change={view.contactEmailChange} />
            <p>
              <button type="button" className="button button-secondary" onClick={() => setView({ name: 'formContactEmail', caseId, formId })}>
                {t('forms.contactEmail.open')}
              </button>
            </p>
          </>
        ) : null}
        <FormHistory history={view.history} />
      </section>
    </>
  );
}
