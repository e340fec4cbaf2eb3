import { safeParseJson } from '@finhooks/core';
import type { RawWebhookRequest } from '@finhooks/core';
import { tradevestNativeTypeOf } from './tradevest-paths';
import { quoteJsonNumbers } from './tradevest-exact-numbers';

/**
 * Parses a Tradevest body with every JSON number kept as its exact decimal
 * text (a string), so prices and amounts never pass through a float.
 *
 * The path is resolved first: a request to an unknown path is a 404 whatever
 * its body. The first parse decides validity (`InvalidJsonError` → 400);
 * the second reads the rewritten text.
 */
export function parseTradevestBody(request: RawWebhookRequest): unknown {
  tradevestNativeTypeOf(request);
  safeParseJson(request.body, { provider: 'tradevest' });
  const text = new TextDecoder().decode(request.body);
  return safeParseJson(quoteJsonNumbers(text), { provider: 'tradevest' });
}
