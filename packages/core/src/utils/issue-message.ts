import type { $ZodRawIssue } from 'zod/v4/core';

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/**
 * Readable English messages for validation issues, passed to each parse:
 * zod's own locales weigh more than all of finhooks, and the host's global
 * zod configuration must not change. Covers what provider payload schemas
 * use; anything else says which check failed.
 */
export function issueMessage(issue: $ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `Required: expected ${issue.expected}`
        : `Expected ${issue.expected}, received ${typeOf(issue.input)}`;
    case 'invalid_value':
      return `Expected one of ${issue.values.map(value => JSON.stringify(value)).join(', ')}`;
    case 'invalid_union':
      return 'Matches none of the expected shapes';
    case 'too_small':
      return `Too small: expected ${issue.origin} ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}`;
    case 'too_big':
      return `Too big: expected ${issue.origin} ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}`;
    case 'invalid_format':
      return `Invalid ${issue.format}`;
    case 'not_multiple_of':
      return `Expected a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `Unrecognized keys: ${issue.keys.join(', ')}`;
    default:
      return `Invalid input (${issue.code})`;
  }
}
