import { lastPathSegment, RouteNotFoundError } from '@finhooks/core';
import type { RawWebhookRequest } from '@finhooks/core';

/**
 * Every value of Tradevest's `EventTypeEnum`. Tradevest posts each type to
 * its own path, the kebab-case of the name (`CUSTOMER_NOTIFICATION` →
 * `/customer-notification`); the published Partner Webhooks page confirms
 * the first 18, the last 8 follow the same rule (unverified).
 */
export const tradevestNativeTypes = [
  'CUSTOMER_NOTIFICATION',
  'NATURAL_PERSON_NOTIFICATION',
  'IDENTIFICATION_VERIFICATION_NOTIFICATION',
  'LABELS_UPDATE_NOTIFICATION',
  'ONBOARDING_NOTIFICATION',
  'PROXY_NOTIFICATION',
  'BENEFICIAL_OWNER_NOTIFICATION',
  'PARTNER_DOCUMENT_NOTIFICATION',
  'DOCUMENT_NOTIFICATION',
  'CUSTOMER_PRODUCT_NOTIFICATION',
  'LEGAL_ENTITY_SEARCH_NOTIFICATION',
  'STRATEGY_NOTIFICATION',
  'TRANSFER_NOTIFICATION',
  'DIGITAL_ASSET_ORDER_NOTIFICATION',
  'TRADITIONAL_ASSET_ORDER_NOTIFICATION',
  'USER_NOTIFICATION',
  'RE_TOKEN_PRICES',
  'OFFBOARDING_NOTIFICATION',
  'LEGAL_ENTITY_NOTIFICATION',
  'LEGAL_REPRESENTATIVE_NOTIFICATION',
  'PARTNER_NOTIFICATION',
  'JOINT_PERSON_NOTIFICATION',
  'TAX_EXEMPTION_ORDER_NOTIFICATION',
  'CORPORATE_ACTION_NOTIFICATION',
  'SAVINGS_PLANS_NOTIFICATION',
  'TOKENIZED_ASSET_ORDER_NOTIFICATION',
] as const;

/** One of Tradevest's `EventTypeEnum` values. */
export type TradevestNativeType = (typeof tradevestNativeTypes)[number];

/** The path segment Tradevest posts a type to: `RE_TOKEN_PRICES` → `re-token-prices`. */
export function tradevestPathOf(nativeType: TradevestNativeType): string {
  return nativeType.toLowerCase().replaceAll('_', '-');
}

const nativeTypeByPath = new Map<string, TradevestNativeType>(
  tradevestNativeTypes.map(nativeType => [
    tradevestPathOf(nativeType),
    nativeType,
  ]),
);

/**
 * The native type of a request, from the last segment of its path, so the
 * adapter works under any prefix (`/webhooks/tradevest/customer-notification`).
 * Any other path is a 404: Tradevest cannot name a type we do not know, so
 * an unknown path is a misconfigured URL, not a new event type.
 */
export function tradevestNativeTypeOf(
  request: RawWebhookRequest,
): TradevestNativeType {
  const segment = lastPathSegment(request);
  const nativeType = nativeTypeByPath.get(segment);
  if (nativeType === undefined) {
    throw new RouteNotFoundError({
      provider: 'tradevest',
      message: `"/${segment}" is not a Tradevest notification path. Register each Tradevest webhook with a URL ending in its path (e.g. /customer-notification).`,
    });
  }
  return nativeType;
}
