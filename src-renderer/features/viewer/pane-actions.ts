import type { ViewerAction } from './keyboard-shortcuts';
import type { PaneController } from './pane-controller';

/**
 * Carries out a keyboard action on a pane. Returns false for actions that need the pane's own parts
 * (adding a note) or are not pane actions at all.
 */
export function runPaneAction(controller: PaneController, action: ViewerAction): boolean {
  switch (action) {
    case 'find':
      controller.setFindBarOpen(true);
      requestAnimationFrame(() => {
        const input = document.getElementById(`${controller.id}-find`);
        if (input instanceof HTMLInputElement) {
          input.focus();
          input.select();
        }
      });
      return true;
    case 'findNext':
      controller.findNext();
      return true;
    case 'findPrevious':
      controller.findPrevious();
      return true;
    case 'zoomIn':
      controller.zoomIn();
      return true;
    case 'zoomOut':
      controller.zoomOut();
      return true;
    case 'fitWidth':
      controller.setZoom({ kind: 'fitWidth' });
      return true;
    case 'nextPage':
      controller.nextPage();
      return true;
    case 'previousPage':
      controller.previousPage();
      return true;
    case 'firstPage':
      controller.goToPage(1);
      return true;
    case 'lastPage':
      controller.goToPage(controller.store.getState().pageCount);
      return true;
    case 'rotateClockwise':
      controller.rotate(90);
      return true;
    case 'rotateAnticlockwise':
      controller.rotate(-90);
      return true;
    case 'goToPage': {
      const input = document.getElementById(`${controller.id}-page`);
      if (!(input instanceof HTMLInputElement)) return false;
      input.focus();
      input.select();
      return true;
    }
    case 'addNote':
    case 'nextRegion':
    case 'previousRegion':
    case 'help':
      return false;
  }
}
