import { EventEmitter } from 'node:events';
import type { AnyWebhookEventV1, StoredEventState } from '@finhooks/core';

/** A newly stored event, as the page's live list shows it. */
export interface StoredNotice {
  event: AnyWebhookEventV1;
  state: StoredEventState;
}

/** A stored event whose processing state changed. */
export interface UpdatedNotice {
  provider: string;
  id: string;
  state?: StoredEventState;
}

interface BusEvents {
  stored: [StoredNotice];
  updated: [UpdatedNotice];
}

/** In-process fan-out from the store to server-sent-event clients. */
export class EventBus extends EventEmitter<BusEvents> {
  constructor() {
    super();
    this.setMaxListeners(0);
  }
}
