import {
  FinhooksError,
  SignatureVerificationError,
  TimestampOutOfToleranceError,
} from '@finhooks/core';
import { clip } from './refusal-log';

/** Longest reason kept (finhooks messages are sentences, a few are longer). */
export const MAX_REASON_CHARS = 300;
/** Longest request path kept. */
export const MAX_PATH_CHARS = 120;

/**
 * One refused webhook request: when, where, the answer and why, in words.
 * Never its body, headers, credentials or signature.
 */
export interface RefusedDelivery {
  /** Increasing number, so a page can tell what it has already seen. */
  seq: number;
  /** ISO-8601 time of the answer. */
  at: string;
  /** The route's provider (`none` outside every provider's route). */
  provider: string;
  method: string;
  /** The request path, cut to {@link MAX_PATH_CHARS}. */
  path: string;
  status: number;
  /** The finhooks error code (or `http_<status>`): the reason's key. */
  code: string;
  /** The reason, short: "timestamp 7 min in the past". */
  summary: string;
  /** The error's message, cut to {@link MAX_REASON_CHARS}. */
  message: string;
}

/** How often each reason (error code, per provider) was seen since start. */
export interface RefusalReasonCount {
  provider: string;
  code: string;
  /** The summary of the latest refusal with this code. */
  summary: string;
  count: number;
  /** ISO-8601 time of the latest one. */
  lastAt: string;
}

/** What a refused request's answer says, before it is kept. */
export interface RefusalInput {
  provider: string;
  method: string;
  path: string;
  status: number;
  /** The error the answer was made from, if any (a finhooks error, usually). */
  error?: unknown;
  /** Code and message of an answer made without an error (404, 405). */
  code?: string;
  message?: string;
  at?: number;
}

/** Options of {@link createRefusedDeliveries}. */
export interface RefusedDeliveriesOptions {
  /** Refusals kept, newest first (default 200). */
  capacity?: number;
  /** Distinct reasons (provider and code) counted; more are counted as `other`. */
  maxReasons?: number;
}

/** The most recent refused deliveries (a ring buffer) and counts per reason. */
export interface RefusedDeliveries {
  add(input: RefusalInput): RefusedDelivery;
  /** Newest first, at most `limit`; only those after `afterSeq` if given. */
  list(options?: { limit?: number; afterSeq?: number }): RefusedDelivery[];
  counts(): RefusalReasonCount[];
  readonly total: number;
  readonly latestSeq: number;
  readonly since: string;
  readonly capacity: number;
}

const PROVIDER_NAMES: Record<string, string> = {
  dintero: 'Dintero',
  solaris: 'Solaris',
  redpin: 'Redpin',
  tradevest: 'Tradevest',
};

function duration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

/** Messages that may quote the request (JSON.parse quotes the body). */
const QUOTES_THE_BODY = new Set(['json_invalid']);

/** What {@link summarizeRefusal} reads. */
export interface RefusalFacts {
  code: string;
  provider: string;
  error?: unknown;
  /** The answer's message when there was no error. */
  message?: string;
  /** When it was refused, in ms. */
  at: number;
}

/**
 * The reason in a few words, from the error's code and facts, e.g.
 * "signature does not match any configured secret for BOOKING".
 */
export function summarizeRefusal({
  code,
  provider,
  error,
  message,
  at,
}: RefusalFacts): string {
  const who = PROVIDER_NAMES[provider] ?? provider;
  if (TimestampOutOfToleranceError.isInstance(error)) {
    const age = at / 1000 - error.timestamp;
    if (!Number.isFinite(age)) return 'signed timestamp is not a number';
    return `timestamp ${duration(age)} in the ${age >= 0 ? 'past' : 'future'}`;
  }
  if (SignatureVerificationError.isInstance(error)) {
    if (error.reason === 'malformed') return 'signature is malformed';
    if (error.reason === 'unsupported_algorithm')
      return 'signature algorithm not enabled';
    // Solaris names the (unsigned) event type whose secrets were tried.
    const type = /Solaris "([^"]{1,64})"/.exec(error.message)?.[1];
    return `signature does not match any configured secret${type ? ` for ${type}` : ''}`;
  }
  const text = error instanceof Error ? error.message : (message ?? '');
  switch (code) {
    case 'authentication_failed':
      return `${who} credential missing or wrong`;
    case 'header_missing': {
      const header = /"([^"]{1,64})" header/.exec(text)?.[1];
      return header ? `header ${header} missing` : 'required header missing';
    }
    case 'route_not_found':
      if (provider === 'none') return 'no webhook route at this path';
      return /not enabled/.test(text)
        ? `${who} route not enabled`
        : `unknown ${who} path`;
    case 'method_not_allowed':
      return 'wrong HTTP method';
    case 'json_invalid':
      return 'body is not JSON';
    case 'body_too_large':
      return 'body too large';
    case 'event_in_progress':
      return 'same event being processed, provider should retry';
    default:
      return code.replaceAll('_', ' ');
  }
}

/**
 * A bounded store of refused deliveries: a ring of `capacity` entries and a
 * count per reason code (bounded too), so a flood of forged requests costs
 * a fixed amount of memory.
 */
export function createRefusedDeliveries(
  options: RefusedDeliveriesOptions = {},
): RefusedDeliveries {
  const capacity = options.capacity ?? 200;
  const maxReasons = options.maxReasons ?? 64;
  const ring: (RefusedDelivery | undefined)[] = new Array<
    RefusedDelivery | undefined
  >(capacity);
  const reasons = new Map<string, RefusalReasonCount>();
  const since = new Date().toISOString();
  let seq = 0;

  return {
    add(input) {
      const at = input.at ?? Date.now();
      const finhooks = FinhooksError.isInstance(input.error)
        ? input.error
        : undefined;
      const code = clip(
        finhooks?.code ?? input.code ?? `http_${input.status}`,
        64,
      );
      const rawMessage = QUOTES_THE_BODY.has(code)
        ? 'The request body is not valid JSON.'
        : (finhooks?.message ?? input.message ?? `Answered ${input.status}.`);
      seq += 1;
      const entry: RefusedDelivery = {
        seq,
        at: new Date(at).toISOString(),
        provider: clip(input.provider, 32),
        method: clip(input.method, 16),
        path: clip(input.path, MAX_PATH_CHARS),
        status: input.status,
        code,
        summary: clip(
          summarizeRefusal({
            code,
            provider: input.provider,
            error: input.error,
            message: input.message,
            at,
          }),
          160,
        ),
        message: clip(rawMessage, MAX_REASON_CHARS),
      };
      ring[(seq - 1) % capacity] = entry;
      let key = `${entry.provider} ${code}`;
      if (!reasons.has(key) && reasons.size >= maxReasons) key = 'other';
      const reason = reasons.get(key);
      if (reason === undefined) {
        reasons.set(key, {
          provider: key === 'other' ? 'other' : entry.provider,
          code: key === 'other' ? 'other' : code,
          summary: entry.summary,
          count: 1,
          lastAt: entry.at,
        });
      } else {
        reason.count += 1;
        reason.summary = entry.summary;
        reason.lastAt = entry.at;
      }
      return entry;
    },
    list({ limit = capacity, afterSeq = 0 } = {}) {
      const out: RefusedDelivery[] = [];
      const oldest = Math.max(afterSeq + 1, seq - capacity + 1, 1);
      for (let n = seq; n >= oldest && out.length < limit; n--) {
        out.push(ring[(n - 1) % capacity]!);
      }
      return out;
    },
    counts() {
      return [...reasons.values()]
        .map(reason => ({ ...reason }))
        .sort(
          (a, b) =>
            b.count - a.count ||
            a.provider.localeCompare(b.provider) ||
            a.code.localeCompare(b.code),
        );
    },
    get total() {
      return seq;
    },
    get latestSeq() {
      return seq;
    },
    get since() {
      return since;
    },
    capacity,
  };
}
