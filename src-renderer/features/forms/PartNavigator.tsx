import { useTranslation } from 'react-i18next';
import { defenceEditsPart, useLocalText, type FormPart } from './form-definition-types';

interface Props {
  parts: readonly FormPart[];
  current: string;
  /** Missing answers per part id. */
  missing: ReadonlyMap<string, number>;
  onSelect(partId: string): void;
}

/** The parts of the form with how much is still missing in each; one part is shown at a time. */
export function PartNavigator({ parts, current, missing, onSelect }: Props) {
  const { t } = useTranslation();
  const text = useLocalText();
  return (
    <nav className="part-nav" aria-label={t('forms.partsNavigation')}>
      <ol>
        {parts.map((part) => {
          const count = missing.get(part.id) ?? 0;
          return (
            <li key={part.id}>
              <button type="button" className="part-nav-item" aria-current={part.id === current ? 'step' : undefined} onClick={() => onSelect(part.id)}>
                <span className="part-nav-title">{t('forms.partHeading', { number: part.number, title: text(part.title) })}</span>
                <span className="part-nav-progress">
                  {!defenceEditsPart(part) ? t('forms.partReadOnly') : count === 0 ? t('forms.partNothingMissing') : t('forms.partMissing', { count })}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
