/**
 * Where Solaris documents an event: its page in the webhook events
 * reference (docs.solarisgroup.com, see docs/providers/solaris.md#event-names)
 * and a short quote of what the page says. The path
 * slug is the lower-case event name unless Solaris named the page
 * otherwise (`card_authorization_resolved`).
 */
export function solarisReference(slug: string, quote: string): string {
  return `https://docs.solarisgroup.com/api-reference/onboarding/webhooks/webhook-events/paths/${slug}/post — "${quote}"`;
}
