import { bridge } from '../../stores/bridge';
import type { DocumentSession } from './document-session';
import { withMember, type PaneStore } from './pane-state';

/**
 * What a document's first paint does not need, loaded after it: page labels, the bookmarks (shown as
 * soon as read, their pages filled in level by level) and, from the search index, the pages that are
 * scans. Until the index has the document, pages are checked for text as they are read instead.
 */
export async function loadDocumentExtras(session: DocumentSession, materialId: string, store: PaneStore, closed: () => boolean): Promise<void> {
  const [pageLabels, info] = await Promise.all([session.pageLabels(), bridge.call('reading.pageInfo', { materialId })]);
  if (closed()) return;
  store.setState({ pageLabels });
  void session.outline((entries) => !closed() && store.setState({ outline: structuredClone(entries) })).then((outline) => {
    if (!closed()) store.setState({ outline: outline ? structuredClone(outline) : null });
  });
  if (info.ok && info.value.indexed) {
    store.setState((state) => ({ textlessPages: info.value.imageOnlyPages.reduce((pages, page) => withMember(pages, page, true), state.textlessPages) }));
  }
}
