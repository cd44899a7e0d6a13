/**
 * The document viewer. Other features import from here only:
 * - `ViewerScreen`: the routed screen (with a `sidePanelExtra` slot for another feature's tab);
 * - `openInViewer`: opens a document, optionally at a page with a search hit highlighted — also the way
 *   to jump to (material, page) from outside while the viewer is open.
 */
export { ViewerScreen, type ViewerScreenProps } from './ViewerScreen';
export { openInViewer } from './open-in-viewer';
