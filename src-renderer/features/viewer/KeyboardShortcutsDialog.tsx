import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUT_HELP } from './keyboard-shortcuts';

/** The viewer's keys, in a modal dialog (Escape closes it and focus goes back where it was). */
export function KeyboardShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    return () => {
      element.close();
      returnTo?.focus();
    };
  }, []);

  return (
    <dialog ref={dialog} className="viewer-dialog" aria-labelledby={title} onClose={onClose} onCancel={onClose}>
      <h2 id={title}>{t('viewer.shortcuts.title')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('viewer.shortcuts.keys')}</th>
            <th scope="col">{t('viewer.shortcuts.does')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_HELP.map((row) => (
            <tr key={row.action}>
              <td>
                {row.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? ' · ' : null}
                    <kbd>{key === '@space' ? t('viewer.shortcuts.keyNames.space') : key === '@ctrlWheel' ? t('viewer.shortcuts.keyNames.ctrlWheel') : key}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`viewer.shortcuts.actions.${row.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('viewer.shortcuts.scope')}</p>
      <button type="button" className="button" onClick={onClose}>
        {t('viewer.shortcuts.close')}
      </button>
    </dialog>
  );
}
