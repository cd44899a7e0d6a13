import { BluebagError } from '../errors';

export type DefinitionFault = 'unreadable' | 'notJson' | 'schema' | 'inconsistent';

/**
 * A form definition file that cannot be used. It names the file and every problem found, so whoever
 * ships a new official version sees at once what to fix; the user only ever sees "something went
 * wrong", since nothing they do can mend a shipped file.
 */
export class FormDefinitionError extends BluebagError {
  constructor(
    readonly file: string,
    readonly fault: DefinitionFault,
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super('internal', 'errors.internal', options);
    this.name = 'FormDefinitionError';
    this.message = `form definition ${file} is ${fault === 'unreadable' ? 'unreadable' : fault === 'notJson' ? 'not JSON' : 'invalid'}: ${problems.join('; ')}`;
  }
}

/** CP holds a form of a type or version this build has no definition for. */
export class FormDefinitionNotFoundError extends BluebagError {
  constructor(
    readonly formType: string,
    readonly version: string | null,
  ) {
    super('not_found', 'errors.internal');
    this.name = 'FormDefinitionNotFoundError';
    this.message = `no form definition for ${formType}${version === null ? '' : ` version ${version}`}`;
  }
}

/** A conflict choice names a place that is not in the answers (the UI offered a stale conflict). */
export class AnswerPathError extends BluebagError {
  constructor(readonly path: string) {
    super('invalid_argument', 'errors.invalidValue');
    this.name = 'AnswerPathError';
    this.message = `not an answer path in these answers: ${path}`;
  }
}
