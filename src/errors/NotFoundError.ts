import { AppError } from './AppError.js';
import { echoValue } from './echo.js';

/** A lookup by key found nothing. Used where a missing node is an error rather than `null`. */
export class NotFoundError extends AppError {
  constructor(what: string, key: string | number) {
    super({ code: 'NOT_FOUND', message: `${what} ${echoValue(key)} was not found`, details: { what, key } });
    this.name = 'NotFoundError';
  }
}
