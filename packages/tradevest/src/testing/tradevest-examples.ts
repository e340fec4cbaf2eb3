// The published example of each path of Tradevest's Partner Webhooks page,
// as an unsigned request. The page shows the bodies pretty-printed but gives
// the Content-Length of the compact form, so the wire body is compact JSON:
// that is what these requests carry (a test checks every length).
import { tradevestEvents } from '../tradevest-events';
import { tradevestPathOf, type TradevestNativeType } from '../tradevest-paths';
import type { RawWebhookRequestInit } from '@finhooks/core';
import customerNotification from '../__fixtures__/tradevest-customer-notification.json';
import naturalPersonNotification from '../__fixtures__/tradevest-natural-person-notification.json';
import identificationVerificationNotification from '../__fixtures__/tradevest-identification-verification-notification.json';
import labelsUpdateNotification from '../__fixtures__/tradevest-labels-update-notification.json';
import onboardingNotification from '../__fixtures__/tradevest-onboarding-notification.json';
import proxyNotification from '../__fixtures__/tradevest-proxy-notification.json';
import beneficialOwnerNotification from '../__fixtures__/tradevest-beneficial-owner-notification.json';
import partnerDocumentNotification from '../__fixtures__/tradevest-partner-document-notification.json';
import documentNotification from '../__fixtures__/tradevest-document-notification.json';
import customerProductNotification from '../__fixtures__/tradevest-customer-product-notification.json';
import legalEntitySearchNotification from '../__fixtures__/tradevest-legal-entity-search-notification.json';
import strategyNotification from '../__fixtures__/tradevest-strategy-notification.json';
import transferNotification from '../__fixtures__/tradevest-transfer-notification.json';
import digitalAssetOrderNotification from '../__fixtures__/tradevest-digital-asset-order-notification.json';
import traditionalAssetOrderNotification from '../__fixtures__/tradevest-traditional-asset-order-notification.json';
import userNotification from '../__fixtures__/tradevest-user-notification.json';
import reTokenPrices from '../__fixtures__/tradevest-re-token-prices.json';
import offboardingNotification from '../__fixtures__/tradevest-offboarding-notification.json';

/** One published Tradevest example as an unsigned request. */
export interface TradevestExample {
  /** The path, e.g. `customer-notification`. */
  name: string;
  nativeType: TradevestNativeType;
  /** The normalized type it maps to. */
  type: string;
  request: RawWebhookRequestInit;
}

/** The example app's route; the simulator rewrites the origin. */
const baseUrl = 'http://localhost:3000/webhooks/tradevest';

const publishedBodies: readonly (readonly [string, unknown])[] = [
  ['customer-notification', customerNotification],
  ['natural-person-notification', naturalPersonNotification],
  [
    'identification-verification-notification',
    identificationVerificationNotification,
  ],
  ['labels-update-notification', labelsUpdateNotification],
  ['onboarding-notification', onboardingNotification],
  ['proxy-notification', proxyNotification],
  ['beneficial-owner-notification', beneficialOwnerNotification],
  ['partner-document-notification', partnerDocumentNotification],
  ['document-notification', documentNotification],
  ['customer-product-notification', customerProductNotification],
  ['legal-entity-search-notification', legalEntitySearchNotification],
  ['strategy-notification', strategyNotification],
  ['transfer-notification', transferNotification],
  ['digital-asset-order-notification', digitalAssetOrderNotification],
  ['traditional-asset-order-notification', traditionalAssetOrderNotification],
  ['user-notification', userNotification],
  ['re-token-prices', reTokenPrices],
  ['offboarding-notification', offboardingNotification],
];

const nativeTypeByPath = new Map(
  Object.keys(tradevestEvents).map(nativeType => [
    tradevestPathOf(nativeType as TradevestNativeType),
    nativeType as TradevestNativeType,
  ]),
);

/**
 * Every published Tradevest example (18, one per documented path), unsigned,
 * with Tradevest's headers and the exact body. Sign with
 * `signTradevestRequest` before sending.
 */
export const tradevestExamples: readonly TradevestExample[] =
  publishedBodies.map(([path, body]) => {
    const nativeType = nativeTypeByPath.get(path)!;
    return {
      name: path,
      nativeType,
      type: tradevestEvents[nativeType].type,
      request: {
        method: 'POST',
        url: `${baseUrl}/${path}`,
        headers: { 'content-type': 'application/json', accept: '*/*' },
        body: JSON.stringify(body),
      },
    };
  });
