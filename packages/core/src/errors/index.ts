export {
  AuthenticationError,
  type AuthenticationMethod,
} from './authentication-error';
export { BodyAlreadyParsedError } from './body-already-parsed-error';
export { BodyTooLargeError } from './body-too-large-error';
export { ConfigurationError } from './configuration-error';
export { EventInProgressError } from './event-in-progress-error';
export {
  FinhooksError,
  type FinhooksErrorCode,
  type FinhooksErrorOptions,
} from './finhooks-error';
export { HandlerError } from './handler-error';
export { InvalidCursorError } from './invalid-cursor-error';
export { InvalidJsonError } from './invalid-json-error';
export { InvalidRequestError } from './invalid-request-error';
export { MethodNotAllowedError } from './method-not-allowed-error';
export { MissingHeaderError } from './missing-header-error';
export { RouteNotFoundError } from './route-not-found-error';
export {
  SignatureVerificationError,
  type SignatureFailureReason,
} from './signature-verification-error';
export { StoreError } from './store-error';
export { TimestampOutOfToleranceError } from './timestamp-out-of-tolerance-error';
export { UnprocessableEventError } from './unprocessable-event-error';
