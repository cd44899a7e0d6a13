import { BluebagError } from '../errors';

/** The search itself failed (the database could not answer): the user can only try again. */
export class SearchFailedError extends BluebagError {
  constructor(options?: { cause?: unknown }) {
    super('internal', 'errors.searchFailed', options);
    this.name = 'SearchFailedError';
  }
}
