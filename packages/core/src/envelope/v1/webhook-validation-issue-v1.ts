/** One reason an authentic payload failed its schema. */
export interface WebhookValidationIssueV1 {
  /** Path into the payload, e.g. `["transaction", "amount"]`. */
  path: (string | number)[];
  message: string;
  /** The zod issue code, e.g. `invalid_type`. */
  code: string;
}
