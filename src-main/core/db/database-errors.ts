import { BluebagError } from '../errors';

/** The file was written by a newer Bluebag: opening it would risk corrupting it, so we refuse. */
export class DatabaseTooNewError extends BluebagError {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super('unavailable', 'errors.databaseTooNew');
    this.name = 'DatabaseTooNewError';
  }
}

/** The file cannot be read (damaged, or not openable with this key). Recovery moves it aside. */
export class DatabaseDamagedError extends BluebagError {
  constructor(options?: { cause?: unknown }) {
    super('unavailable', 'errors.databaseDamaged', options);
    this.name = 'DatabaseDamagedError';
  }
}
