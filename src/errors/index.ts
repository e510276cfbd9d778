export { AppError, type AppErrorCode, type AppErrorOptions } from './AppError.js';
export { BadInputError, unknownCcodes } from './BadInputError.js';
export { NotFoundError } from './NotFoundError.js';
export { ReleaseMetadataError } from './ReleaseMetadataError.js';
export { StoreUnavailableError } from './StoreUnavailableError.js';
export { StoreLockedError } from './StoreLockedError.js';
export { StoreQueryError } from './StoreQueryError.js';
export {
  TimeoutError,
  CancelledError,
  TooManyRequestsError,
  OperationNotSupportedError,
  LimitExceededError,
  ResponseTooLargeError,
  OverloadedError,
} from './RequestLimitErrors.js';
export { invariant } from './invariant.js';
export { maskError } from './maskError.js';
export { useStatusByPhase } from './useStatusByPhase.js';
export { echoList, echoValue, ECHO_VALUES } from './echo.js';
