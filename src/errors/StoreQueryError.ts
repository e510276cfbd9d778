import { AppError } from './AppError.js';

/** A named query failed inside the store. The message names the query file, never the user's values. */
export class StoreQueryError extends AppError {
  constructor(query: string, reason: string, cause?: unknown) {
    super({ code: 'STORE_ERROR', message: `Query ${query} failed: ${reason}`, details: { query }, cause });
    this.name = 'StoreQueryError';
  }
}
