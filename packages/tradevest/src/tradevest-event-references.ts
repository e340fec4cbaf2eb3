import type { TradevestNativeType } from './tradevest-paths';

const partnerWebhooks =
  'https://docs.tradevest.ai/partner-apis/partner-webhooks';
const statusCodes =
  'https://docs.tradevest.ai/documentation/status_codes_for_financial_operations';
const orderNotes = 'https://docs.tradevest.ai/documentation/partner-webhooks';
const eventTypes = 'https://docs.tradevest.ai/api-reference/webhooks/schemas';

function published(section: string, description: string): string {
  return `${partnerWebhooks} "${section}": "${description}"`;
}

function unpublished(nativeType: string, source = eventTypes): string {
  return `${source} (EventTypeEnum lists ${nativeType}; no path or payload is published)`;
}

/**
 * Where Tradevest documents each native type (docs/events.md and the
 * vocabulary test read it). Kept out of the catalogue and built inside one
 * pure call, so this text is not in the bundle of an app that does not
 * import it.
 */
export const tradevestEventReferences = /* @__PURE__ */ (() =>
  ({
    CUSTOMER_NOTIFICATION: published(
      'Customer Notification',
      'Notification about customer changes related to event CUSTOMER_NOTIFICATION',
    ),
    NATURAL_PERSON_NOTIFICATION: published(
      'Natural Person Notification',
      'Notification about natural person changes related to event NATURAL_PERSON_NOTIFICATION',
    ),
    IDENTIFICATION_VERIFICATION_NOTIFICATION: published(
      'Identification Verification Notification',
      'Notification about identification verification changes related to event IDENTIFICATION_VERIFICATION_NOTIFICATION',
    ),
    LABELS_UPDATE_NOTIFICATION: `${published(
      'Labels Update Notification',
      'Notification about labels updates related to event LABELS_UPDATE_NOTIFICATION',
    )}; the body names only the customers (updatedCustomers)`,
    ONBOARDING_NOTIFICATION: `${published(
      'Onboarding Notification',
      'Notification about onboarding update related to event ONBOARDING_NOTIFICATION',
    )}; statuses CREATED, PENDING, APPROVED, REJECTED (fixable), INVALID (blocking) per https://docs.tradevest.ai/api-guidelines/onboarding/natural-person-tradevest-ident-services`,
    PROXY_NOTIFICATION: published(
      'Proxy Notification',
      'Notification about proxy update related to event PROXY_NOTIFICATION',
    ),
    BENEFICIAL_OWNER_NOTIFICATION: published(
      'Beneficial Owner Notification',
      'Notification about beneficial owner update related to event BENEFICIAL_OWNER_NOTIFICATION',
    ),
    PARTNER_DOCUMENT_NOTIFICATION: `${published(
      'Partner Document Notification',
      'Notification about partner document update related to event PARTNER_DOCUMENT_NOTIFICATION',
    )}; documentId and modifiedOn only, no status (partner documents, API "Partner Documents")`,
    DOCUMENT_NOTIFICATION: published(
      'Document Notification',
      'Notification about document update related to event DOCUMENT_NOTIFICATION',
    ),
    CUSTOMER_PRODUCT_NOTIFICATION: published(
      'Customer Product Notification',
      'Notifications about customer product update related to event CUSTOMER_PRODUCT_NOTIFICATION',
    ),
    LEGAL_ENTITY_SEARCH_NOTIFICATION: published(
      'Legal Entity Search Notification',
      'Notification about legal entity search changes related to event LEGAL_ENTITY_SEARCH_NOTIFICATION',
    ),
    STRATEGY_NOTIFICATION: published(
      'Strategy Notification',
      'Notification about strategy update related to event STRATEGY_NOTIFICATION',
    ),
    TRANSFER_NOTIFICATION: `${published(
      'Transfer Notification',
      'Notification about transfer update related to event TRANSFER_NOTIFICATION',
    )}; statuses: ${statusCodes}#transfer-status-codes`,
    DIGITAL_ASSET_ORDER_NOTIFICATION: `${published(
      'Digital Asset Order Notification',
      'Notification about digital asset order update related to event DIGITAL_ASSET_ORDER_NOTIFICATION',
    )}; statuses: ${orderNotes} "Order Status Webhooks" and ${statusCodes}#order-status-codes`,
    TRADITIONAL_ASSET_ORDER_NOTIFICATION: `${published(
      'Traditional Asset Order Notification',
      'Notification about traditional asset order update related to event TRADITIONAL_ASSET_ORDER_NOTIFICATION',
    )}; statuses: ${orderNotes} "Order Status Webhooks" and ${statusCodes}#order-status-codes`,
    USER_NOTIFICATION: published(
      'User Notification',
      'Notification related to event USER_NOTIFICATION',
    ),
    RE_TOKEN_PRICES: published(
      'Real estate token prices Notification',
      'Notification related to event RE_TOKEN_PRICES',
    ),
    OFFBOARDING_NOTIFICATION: published(
      'Offboarding Notification',
      'Notification about offboarding update related to event OFFBOARDING_NOTIFICATION',
    ),
    LEGAL_ENTITY_NOTIFICATION: unpublished('LEGAL_ENTITY_NOTIFICATION'),
    LEGAL_REPRESENTATIVE_NOTIFICATION: unpublished(
      'LEGAL_REPRESENTATIVE_NOTIFICATION',
    ),
    PARTNER_NOTIFICATION: unpublished('PARTNER_NOTIFICATION'),
    JOINT_PERSON_NOTIFICATION: unpublished('JOINT_PERSON_NOTIFICATION'),
    TAX_EXEMPTION_ORDER_NOTIFICATION: unpublished(
      'TAX_EXEMPTION_ORDER_NOTIFICATION',
    ),
    CORPORATE_ACTION_NOTIFICATION: unpublished('CORPORATE_ACTION_NOTIFICATION'),
    SAVINGS_PLANS_NOTIFICATION: unpublished(
      'SAVINGS_PLANS_NOTIFICATION',
      'https://docs.wawex.ai/api-reference/webhooks/schemas',
    ),
    TOKENIZED_ASSET_ORDER_NOTIFICATION: `${unpublished(
      'TOKENIZED_ASSET_ORDER_NOTIFICATION',
      'https://docs.wawex.ai/api-reference/webhooks/schemas',
    )}; order statuses: ${statusCodes}#order-status-codes`,
  }) as const satisfies Readonly<Record<TradevestNativeType, string>>)();
