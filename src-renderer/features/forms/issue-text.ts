import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../src-preload/api';

export type FormIssue = FormView['issues'][number];

/**
 * An issue in words: the definition's own text when it carries one (cross-field rules, formats), else
 * the engine's message key (`forms.errors.*`, whose words are in the catalogues as the engine gives them).
 */
export function useIssueText(): (issue: FormIssue) => string {
  const { t, i18n } = useTranslation();
  return (issue) => {
    if (issue.message) return i18n.language === 'cy' ? issue.message.cy : issue.message.en;
    const key = i18next.exists(issue.messageKey) ? (issue.messageKey as 'forms.errors.invalidType') : 'forms.errors.invalidType';
    return t(key, issue.params ?? {});
  };
}

/** Issues by the path of the field they belong to. */
export function issuesByPath(issues: readonly FormIssue[]): Map<string, FormIssue[]> {
  const byPath = new Map<string, FormIssue[]>();
  for (const issue of issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue]);
  return byPath;
}
