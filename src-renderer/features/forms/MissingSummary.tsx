import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../src-preload/api';
import { partOf } from './answer-paths';
import { useLocalText } from './form-definition-types';
import { useIssueText, type FormIssue } from './issue-text';
import { locatePath, trailText } from './path-location';

interface Props {
  view: FormView;
  /** Wrong answers (always listed) and what is still missing. */
  issues: readonly FormIssue[];
  /** Whether the list itself is shown ("show all that is missing" opens it). */
  open: boolean;
  onOpenChange(open: boolean): void;
  onGo(path: string): void;
}

/**
 * What still needs an answer (or a correction), part by part, each a link to its field. It sits above
 * the form, so the list is folded away until asked for: a list that shrank with every answer would move
 * the fields under the user's pointer as they fill them in. Folded, only the count changes.
 */
export function MissingSummary({ view, issues, open, onOpenChange, onGo }: Props) {
  const { t } = useTranslation();
  const text = useLocalText();
  const issueText = useIssueText();
  // The same box when the last answer comes in, for the same reason.
  if (issues.length === 0) {
    return (
      <section className="section missing-summary" aria-labelledby="form-missing-title">
        <h2 id="form-missing-title" tabIndex={-1}>
          {t('forms.nothingMissingTitle')}
        </h2>
        <p className="missing-summary-line">{t('forms.nothingMissing')}</p>
      </section>
    );
  }
  return (
    <section className="section missing-summary" aria-labelledby="form-missing-title">
      <h2 id="form-missing-title" tabIndex={-1}>
        {t('forms.missingTitle', { count: issues.length })}
      </h2>
      <details className="details" open={open} onToggle={(event) => onOpenChange(event.currentTarget.open)}>
        <summary>{t('forms.missingShow')}</summary>
        {view.definition.parts.map((part) => {
          const mine = issues.filter((issue) => partOf(issue.path) === part.id);
          if (mine.length === 0) return null;
          return (
            <div key={part.id}>
              <h3>{t('forms.partHeading', { number: part.number, title: text(part.title) })}</h3>
              <ul className="plain-list">
                {mine.map((issue) => {
                  const where = locatePath(view.definition, issue.path, [view.answers]);
                  const label = where ? trailText(where, text) : issue.path;
                  return (
                    <li key={`${issue.path}-${issue.messageKey}`}>
                      <button type="button" className="link-button" onClick={() => onGo(issue.path)}>
                        {t('forms.missingItem', { label, problem: issueText(issue) })}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </details>
    </section>
  );
}
