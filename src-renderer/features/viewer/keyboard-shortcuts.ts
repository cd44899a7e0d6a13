/** What a key does in the viewer; the help dialog lists the same table, so the two cannot drift apart. */
export type ViewerAction =
  | 'find'
  | 'findNext'
  | 'findPrevious'
  | 'zoomIn'
  | 'zoomOut'
  | 'fitWidth'
  | 'nextPage'
  | 'previousPage'
  | 'firstPage'
  | 'lastPage'
  | 'rotateClockwise'
  | 'rotateAnticlockwise'
  | 'goToPage'
  | 'addNote'
  | 'nextRegion'
  | 'previousRegion'
  | 'help';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Where focus is: typing in a field (only shortcuts with Ctrl/Cmd or function keys apply), in a
 * document's pages (single-letter keys apply there only, WCAG 2.1.4), or elsewhere in the viewer.
 */
export type KeyContext = 'typing' | 'document' | 'elsewhere';

export function actionForKey(event: KeyLike, context: KeyContext): ViewerAction | null {
  const command = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (command && !event.altKey) {
    if (key === 'f' || key === 'F') return 'find';
    if (key === 'g' || key === 'G') return event.shiftKey ? 'findPrevious' : 'findNext';
    if (key === '=' || key === '+') return 'zoomIn';
    if (key === '-' || key === '_') return 'zoomOut';
    if (key === '0') return 'fitWidth';
    return null;
  }
  if (key === 'F3') return event.shiftKey ? 'findPrevious' : 'findNext';
  if (key === 'F6') return event.shiftKey ? 'previousRegion' : 'nextRegion';
  if (context !== 'document' || event.altKey || command) return null;
  switch (key) {
    case 'n':
    case 'j':
      return 'nextPage';
    case 'p':
    case 'k':
      return 'previousPage';
    case 'r':
      return 'rotateClockwise';
    case 'R':
      return 'rotateAnticlockwise';
    case 'g':
      return 'goToPage';
    case 'a':
      return 'addNote';
    case '?':
      return 'help';
    default:
      return null;
  }
}

export function keyContext(target: EventTarget | null): KeyContext {
  if (!(target instanceof HTMLElement)) return 'elsewhere';
  if (target.isContentEditable || target.closest('input, textarea, select')) return 'typing';
  return target.closest('.viewer-viewport') ? 'document' : 'elsewhere';
}

/**
 * The help dialog's table: the keys as printed on keyboards (Welsh keyboards print the same), except
 * words starting with '@', which are translated (`viewer.shortcuts.keyNames`).
 */
export const SHORTCUT_HELP: ReadonlyArray<{ keys: readonly string[]; action: ViewerAction | 'scroll' | 'scrollPage' | 'copy' }> = [
  { keys: ['↑', '↓', '←', '→'], action: 'scroll' },
  { keys: ['Page Up', 'Page Down', '@space'], action: 'scrollPage' },
  { keys: ['Home', 'End'], action: 'firstPage' },
  { keys: ['N', 'J'], action: 'nextPage' },
  { keys: ['P', 'K'], action: 'previousPage' },
  { keys: ['G'], action: 'goToPage' },
  { keys: ['Ctrl + F'], action: 'find' },
  { keys: ['Enter', 'F3', 'Ctrl + G'], action: 'findNext' },
  { keys: ['Shift + Enter', 'Shift + F3', 'Ctrl + Shift + G'], action: 'findPrevious' },
  { keys: ['Ctrl + +', '@ctrlWheel'], action: 'zoomIn' },
  { keys: ['Ctrl + −'], action: 'zoomOut' },
  { keys: ['Ctrl + 0'], action: 'fitWidth' },
  { keys: ['R'], action: 'rotateClockwise' },
  { keys: ['Shift + R'], action: 'rotateAnticlockwise' },
  { keys: ['A'], action: 'addNote' },
  { keys: ['Ctrl + C'], action: 'copy' },
  { keys: ['F6', 'Shift + F6'], action: 'nextRegion' },
  { keys: ['?'], action: 'help' },
];
