/** Where the user was in each document. */
export { readPosition, savePosition } from './reading-positions';
