import { AppError } from './AppError.js';

/** The client sent a value we cannot use (unknown ccode, malformed date, page too large...). */
export class BadInputError extends AppError {
  constructor(message: string, argument?: string) {
    super({ code: 'BAD_USER_INPUT', message, details: argument ? { argument } : undefined });
    this.name = 'BadInputError';
  }
}
