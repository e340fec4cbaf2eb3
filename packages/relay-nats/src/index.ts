export {
  createNatsRelay,
  type NatsRelay,
  type NatsRelayMetrics,
  type NatsRelayOptions,
  type RelayedEvent,
  type RelayLogger,
} from './create-nats-relay';
export {
  cloudEventAttributes,
  ERASURE_TYPE,
  eventMsgId,
  eventSubject,
  type CloudEventAttributes,
  type CloudEventsMode,
  type ErasureNotice,
} from './relay-cloudevents';
export { VERSION } from './version';
