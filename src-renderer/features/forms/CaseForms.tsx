import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDateTime } from '../../ui/format';
import { useDraftStateText } from './draft-state-text';
import { useCaseForms } from './use-case-forms';

/**
 * On the case screen: the PET or BCM forms CP has for the case and where the user's draft of each
 * stands. The court creates forms; Bluebag never does, so with none it says whom to ask.
 */
export function CaseForms({ caseId, crownCourt }: { caseId: string; crownCourt: boolean }) {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const { forms, error } = useCaseForms(caseId);
  const stateText = useDraftStateText();

  return (
    <section aria-labelledby="forms-title" className="section">
      <h2 id="forms-title">{t('forms.caseSectionTitle')}</h2>
      <ErrorMessage error={error} />
      {forms === null && !error ? <p className="muted">{t('forms.listLoading')}</p> : null}
      {forms?.length === 0 ? <p>{crownCourt ? t('forms.noFormsBcm') : t('forms.noFormsPet')}</p> : null}
      {forms && forms.length > 0 ? (
        <ul className="plain-list documents" data-testid="case-forms">
          {forms.map((form) => {
            const names = form.defendantNames.join(', ');
            return (
              <li key={form.formId} className="case-form" data-form-type={form.formType}>
                <button
                  type="button"
                  className="link-button document-name"
                  onClick={() => setView({ name: 'form', caseId, formId: form.formId })}
                >
                  {t('forms.openLine', { type: t(`forms.formTypes.${form.formType}`), names })}
                </button>
                <div className="muted">{t('forms.cpVersion', { version: form.cpVersion, date: formatDateTime(form.lastUpdated) })}</div>
                <div className="form-draft-state" data-state={form.draft?.state ?? 'none'}>
                  {stateText(form.draft)}
                  {form.draft && form.draft.conflictCount > 0 ? ` ${t('forms.conflictCount', { count: form.draft.conflictCount })}` : ''}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
