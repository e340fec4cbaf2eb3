/** What became of a webhook delivery, as the console's chart counts it. */
export type DeliveryOutcome =
  'accepted' | 'duplicate' | 'invalid' | 'refused' | 'failed';

/**
 * The outcomes in chart order: new events (and handshakes), duplicates,
 * authentic but invalid payloads (quarantined), refused requests (4xx),
 * failures of this service (5xx, the provider retries).
 */
export const DELIVERY_OUTCOMES: readonly DeliveryOutcome[] = [
  'accepted',
  'duplicate',
  'invalid',
  'refused',
  'failed',
];

export const MINUTE_MS = 60_000;

/** Counts of one minute, per provider and outcome. */
export interface MinuteCounts {
  /** Start of the minute, in ms since the epoch. */
  minute: number;
  providers: Record<string, Record<DeliveryOutcome, number>>;
}

/** The last hour, minute by minute (minutes without deliveries left out). */
export interface DeliveryStatsSnapshot {
  /** The server's clock, so a page can place "now" on its chart. */
  now: number;
  minuteMs: number;
  windowMinutes: number;
  outcomes: readonly DeliveryOutcome[];
  /** Every provider with deliveries in the window. */
  providers: string[];
  minutes: MinuteCounts[];
}

/** Options of {@link createDeliveryStats}. */
export interface DeliveryStatsOptions {
  /** Minutes kept (default 60). */
  windowMinutes?: number;
  /** Distinct providers counted per minute; more are counted as `other`. */
  maxProviders?: number;
}

/** Per-minute delivery counters over a sliding window, in memory. */
export interface DeliveryStats {
  record(provider: string, outcome: DeliveryOutcome, at?: number): void;
  /** The window ending at `now`, optionally for one provider. */
  snapshot(options?: {
    now?: number;
    provider?: string;
  }): DeliveryStatsSnapshot;
  /** The counts of the given minutes (those still in the window). */
  minutes(minutes: Iterable<number>, now?: number): MinuteCounts[];
}

interface Slot {
  minute: number;
  providers: Map<string, Uint32Array>;
}

const emptyCounts = (): Record<DeliveryOutcome, number> => ({
  accepted: 0,
  duplicate: 0,
  invalid: 0,
  refused: 0,
  failed: 0,
});

function toRecord(counts: Uint32Array): Record<DeliveryOutcome, number> {
  const out = emptyCounts();
  DELIVERY_OUTCOMES.forEach((outcome, index) => {
    out[outcome] = counts[index]!;
  });
  return out;
}

/**
 * A ring of one slot per minute: memory is bounded by window × providers ×
 * outcomes whatever the traffic, and a slot is reset when its minute comes
 * round again.
 */
export function createDeliveryStats(
  options: DeliveryStatsOptions = {},
): DeliveryStats {
  const windowMinutes = options.windowMinutes ?? 60;
  const maxProviders = options.maxProviders ?? 16;
  const slots: (Slot | undefined)[] = new Array<Slot | undefined>(
    windowMinutes,
  );
  const minuteOf = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;
  const indexOf = (minute: number) => (minute / MINUTE_MS) % windowMinutes;

  /** The slot of `minute` if it is still in the window ending at `now`. */
  function live(minute: number, now: number): Slot | undefined {
    const latest = minuteOf(now);
    if (minute > latest || minute <= latest - windowMinutes * MINUTE_MS)
      return undefined;
    const slot = slots[indexOf(minute)];
    return slot?.minute === minute ? slot : undefined;
  }

  function countsOf(slot: Slot, provider?: string): MinuteCounts['providers'] {
    const providers: MinuteCounts['providers'] = {};
    for (const [name, counts] of slot.providers) {
      if (provider === undefined || name === provider)
        providers[name] = toRecord(counts);
    }
    return providers;
  }

  return {
    record(provider, outcome, at = Date.now()) {
      const minute = minuteOf(at);
      const index = indexOf(minute);
      let slot = slots[index];
      if (slot === undefined || slot.minute !== minute) {
        // A late record for a minute already overwritten is dropped.
        if (slot !== undefined && slot.minute > minute) return;
        slot = { minute, providers: new Map() };
        slots[index] = slot;
      }
      let name = provider;
      if (!slot.providers.has(name) && slot.providers.size >= maxProviders)
        name = 'other';
      let counts = slot.providers.get(name);
      if (counts === undefined) {
        counts = new Uint32Array(DELIVERY_OUTCOMES.length);
        slot.providers.set(name, counts);
      }
      counts[DELIVERY_OUTCOMES.indexOf(outcome)]! += 1;
    },
    snapshot({ now = Date.now(), provider } = {}) {
      const latest = minuteOf(now);
      const minutes: MinuteCounts[] = [];
      const providers = new Set<string>();
      for (let i = windowMinutes - 1; i >= 0; i--) {
        const slot = live(latest - i * MINUTE_MS, now);
        if (slot === undefined) continue;
        for (const name of slot.providers.keys()) providers.add(name);
        const counts = countsOf(slot, provider);
        if (Object.keys(counts).length > 0)
          minutes.push({ minute: slot.minute, providers: counts });
      }
      return {
        now,
        minuteMs: MINUTE_MS,
        windowMinutes,
        outcomes: DELIVERY_OUTCOMES,
        providers: [...providers].sort(),
        minutes,
      };
    },
    minutes(minutes, now = Date.now()) {
      const out: MinuteCounts[] = [];
      for (const minute of [...new Set(minutes)].sort((a, b) => a - b)) {
        const slot = live(minute, now);
        if (slot !== undefined)
          out.push({ minute: slot.minute, providers: countsOf(slot) });
      }
      return out;
    },
  };
}
