export { hmac, type DigestEncoding, type HmacAlgorithm } from './hmac';
export {
  createRequestAuthenticator,
  type BasicAuthCredential,
  type IpAllowlistOptions,
  type RequestAuthenticator,
  type RequestAuthOptions,
  type StaticHeaderCredential,
} from './request-authenticator';
export {
  assertSecretSourceConfigured,
  resolveSecrets,
  type SecretSource,
  type SecretValue,
} from './secret-source';
export {
  assertTimestampWithinTolerance,
  type TimestampToleranceOptions,
} from './timestamp-tolerance';
export { timingSafeEqual } from './timing-safe-equal';
export {
  verifyHmacSignature,
  type VerifyHmacSignatureOptions,
} from './verify-hmac-signature';
export {
  credentialsVerification,
  signatureVerification,
  unauthenticatedVerification,
} from './verification';
