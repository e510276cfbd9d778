import { AppError } from './AppError.js';

/**
 * seed/release.yaml (the record's version, date and citation) is missing or malformed. A fault of the
 * installation, not of a request: clients see it masked; the CLI prints the file and the field.
 */
export class ReleaseMetadataError extends AppError {
  constructor(file: string, problem: string) {
    super({ code: 'INTERNAL_SERVER_ERROR', message: `${file}: ${problem}`, details: { file } });
    this.name = 'ReleaseMetadataError';
  }
}
