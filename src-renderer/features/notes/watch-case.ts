import { bridge } from '../../stores/bridge';

/**
 * Calls `onChange` whenever a case's notes change (added, edited, carried to a new version) or its
 * cached records do (documents arriving, a bundle republished). Returns the unsubscribe.
 */
export function watchCase(caseId: string, onChange: () => void): () => void {
  const offNotes = bridge.on('notes.changed', (payload) => {
    if (payload.caseId === caseId) onChange();
  });
  const offCases = bridge.on('cases.changed', (payload) => {
    if (payload.caseIds.includes(caseId)) onChange();
  });
  return () => {
    offNotes();
    offCases();
  };
}
