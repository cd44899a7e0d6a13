import { useTranslation } from 'react-i18next';
import type { ServiceItem } from '../../../src-preload/api';
import { itemStateText, sentPercent } from './item-state-text';

/** An item's state in words, with its badge and, while sending, a progress bar. */
export function ServiceItemState({ item }: { item: ServiceItem }) {
  const { t } = useTranslation(); // re-render when the language changes
  const text = itemStateText(item);
  return (
    <div className="service-state" data-state={item.state}>
      <p className="service-state-label">
        <span className={`badge badge-serve-${item.state}`}>{text.label}</span>
      </p>
      {item.state === 'uploading' ? (
        <progress className="progress-bar" max={100} value={sentPercent(item)} aria-label={t('serving.sendingProgress', { name: item.name })} />
      ) : null}
      {text.detail ? <p className="service-state-detail">{text.detail}</p> : null}
      {text.caution ? <p className="service-state-caution">{text.caution}</p> : null}
    </div>
  );
}
