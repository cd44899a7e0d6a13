/** Private notes and highlights (local only, encrypted). */
export { addNote, deleteNote, getNote, listNotes, updateNote } from './notes-store';
