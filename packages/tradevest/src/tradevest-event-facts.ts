import type { WebhookEventFacts, WebhookSubjectV1 } from '@finhooks/core';

/** A subject, or none when the id is missing or empty. */
export function subjectOf(
  type: string,
  id: string | null | undefined,
): WebhookSubjectV1 | undefined {
  return typeof id === 'string' && id !== '' ? { type, id } : undefined;
}

/**
 * The facts of an ordinary notification: the object as subject, its status
 * as sent (also on VALIDATION_ERROR notifications) and `modifiedOn`.
 */
export function notificationFacts(
  subjectType: string,
  id: string | null | undefined,
  data: {
    status?: string | null | undefined;
    modifiedOn?: string | null | undefined;
  },
): WebhookEventFacts {
  return {
    subject: subjectOf(subjectType, id),
    status: data.status,
    occurredAt: data.modifiedOn,
  };
}
