import { AppError } from './AppError.js';

/** The graph store cannot be reached (Neo4j down, file locked by another process...). */
export class StoreUnavailableError extends AppError {
  constructor(store: string, reason: string, cause?: unknown) {
    super({
      code: 'STORE_UNAVAILABLE',
      message: `The ${store} store is unavailable: ${reason}`,
      details: { store },
      cause,
    });
    this.name = 'StoreUnavailableError';
  }
}
