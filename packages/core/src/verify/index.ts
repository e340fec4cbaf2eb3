export { getCryptoBackend, type CryptoBackend } from './crypto-backend';
export {
  hmac,
  hmacBytes,
  type DigestEncoding,
  type HmacAlgorithm,
} from './hmac';
export {
  ipInRange,
  parseIpAddress,
  parseIpRange,
  type IpRange,
} from './ip-address';
export {
  clientAddress,
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
