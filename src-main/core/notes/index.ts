/** Private notes and highlights (local only, encrypted), and exporting them. */
export { addNote, deleteNote, getNote, listNotes, updateNote } from './notes-store';
export { exportCaseNotes, type ExportedFile, type NotesExportFormat } from './notes-export';
export { safeFileName } from './export-file-name';
