import { AppError } from './AppError.js';
import { echoList } from './echo.js';

/** The client sent a value we cannot use (unknown ccode, malformed date, page too large...). */
export class BadInputError extends AppError {
  constructor(message: string, argument?: string) {
    super({ code: 'BAD_USER_INPUT', message, details: argument ? { argument } : undefined });
    this.name = 'BadInputError';
  }
}

/** BAD_USER_INPUT naming the ccodes (a few, and how many more) the graph does not hold. */
export const unknownCcodes = (missing: readonly number[], argument: string): BadInputError =>
  new BadInputError(`Unknown ccode ${echoList(missing)}: no state with this COW country code in the graph`, argument);
