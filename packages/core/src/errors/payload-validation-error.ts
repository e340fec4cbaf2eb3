import type { WebhookValidationIssueV1 } from '../envelope/v1/webhook-validation-issue-v1';
import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_PayloadValidationError';
const marker = `finhooks.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * An authentic payload does not match the adapter's schema for its event
 * type: the provider changed its payload, or the adapter is out of date.
 * By default finhooks does not throw this: it delivers the event marked
 * invalid (see `onInvalid`) so nothing authentic is dropped. It is thrown
 * only where the caller asked for strict parsing.
 */
export class PayloadValidationError extends FinhooksError {
  private readonly [symbol] = true;
  readonly nativeType: string;
  readonly issues: readonly WebhookValidationIssueV1[];

  constructor({
    nativeType,
    issues,
    ...options
  }: FinhooksErrorOptions & {
    nativeType: string;
    issues: readonly WebhookValidationIssueV1[];
  }) {
    super({ name, code: 'payload_invalid', httpStatus: 422, ...options });
    this.nativeType = nativeType;
    this.issues = issues;
  }

  static override isInstance(error: unknown): error is PayloadValidationError {
    return FinhooksError.hasMarker(error, marker);
  }
}
