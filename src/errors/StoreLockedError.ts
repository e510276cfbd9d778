import { StoreUnavailableError } from './StoreUnavailableError.js';

/**
 * The embedded store's file is held by another process. A running server holds it under a shared
 * lock, so read-only commands (exports) still open it; a command that writes (seed, import, a
 * second server's start) cannot, and the command line says what to do in one line.
 */
export class StoreLockedError extends StoreUnavailableError {
  constructor(
    readonly file: string,
    readonly readOnly: boolean,
    cause?: unknown,
  ) {
    super(
      'embedded',
      readOnly
        ? `${file} is being written by another process (an import or a server starting): try again when it has finished`
        : `${file} is in use by another process (a running server, an import or an export)`,
      cause,
    );
    this.name = 'StoreLockedError';
  }
}
