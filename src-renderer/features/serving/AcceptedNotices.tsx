import { useTranslation } from 'react-i18next';
import { acceptedText } from './accepted-notification';
import { useServingStore } from './serving-store';

/** Items CP has just accepted, announced politely; they stay until dismissed (no timing out). */
export function AcceptedNotices() {
  const { t } = useTranslation();
  const notices = useServingStore((state) => state.notices);
  const dismiss = useServingStore((state) => state.dismissNotice);
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="accepted-notices">
      {notices.map((notice) => (
        <div key={notice.id} className="toast">
          <p>{acceptedText(notice)}</p>
          <button type="button" className="link-button" aria-label={t('serving.dismissNoticeLabel', { name: notice.name })} onClick={() => dismiss(notice.id)}>
            {t('serving.dismissNotice')}
          </button>
        </div>
      ))}
    </div>
  );
}
