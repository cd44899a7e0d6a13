import { useTranslation } from 'react-i18next';
import type { PaneController } from './pane-controller';
import { usePane } from './use-pane';
import { ZOOM_STEPS, type Zoom } from './zoom';
import { ViewerIcon } from './ViewerIcon';

/** Zoom out / in through the steps, and a list of fit width, fit page and fixed sizes. */
export function ZoomControls({ controller }: { controller: PaneController }) {
  const { t } = useTranslation();
  const zoom = usePane(controller, (state) => state.zoom);
  const scale = usePane(controller, (state) => state.scale);
  const selected = zoom.kind === 'scale' ? (ZOOM_STEPS.some((step) => Math.abs(step - zoom.value) < 0.001) ? String(zoom.value) : 'custom') : zoom.kind;
  const percent = (value: number) => t('viewer.toolbar.percent', { percent: Math.round(value * 100) });

  const choose = (value: string) => {
    const next: Zoom = value === 'fitWidth' || value === 'fitPage' ? { kind: value } : { kind: 'scale', value: Number(value) };
    controller.setZoom(next);
  };

  return (
    <div className="viewer-tool-group" role="group" aria-label={t('viewer.toolbar.zoom')}>
      <button type="button" className="viewer-tool" onClick={() => controller.zoomOut()} aria-label={t('viewer.toolbar.zoomOut')} title={t('viewer.toolbar.zoomOut')}>
        <ViewerIcon name="minus" />
      </button>
      <label className="visually-hidden" htmlFor={`${controller.id}-zoom`}>
        {t('viewer.toolbar.zoom')}
      </label>
      <select id={`${controller.id}-zoom`} className="viewer-zoom-select" value={selected} onChange={(event) => choose(event.target.value)}>
        <option value="fitWidth">{t('viewer.toolbar.fitWidth')}</option>
        <option value="fitPage">{t('viewer.toolbar.fitPage')}</option>
        {selected === 'custom' ? <option value="custom">{percent(scale)}</option> : null}
        {ZOOM_STEPS.map((step) => (
          <option key={step} value={String(step)}>
            {percent(step)}
          </option>
        ))}
      </select>
      <button type="button" className="viewer-tool" onClick={() => controller.zoomIn()} aria-label={t('viewer.toolbar.zoomIn')} title={t('viewer.toolbar.zoomIn')}>
        <ViewerIcon name="plus" />
      </button>
    </div>
  );
}
