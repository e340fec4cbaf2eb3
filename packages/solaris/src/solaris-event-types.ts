import type { WebhookAdapterEvent, KnownFields } from '@finhooks/core';
import type * as z from 'zod/mini';
import type { SolarisAdapter } from './solaris-adapter';
import type { SolarisNativeType } from './solaris-events';
import type { solarisMoneySchema } from './solaris-values';

/**
 * Every event the Solaris adapter emits: a union discriminated on
 * `nativeType` (and `type`), plus `solaris.unknown` for new event types.
 */
export type SolarisEvent = WebhookAdapterEvent<SolarisAdapter>;

/** The validated payload (`data`) of one native event type. */
export type SolarisPayload<TNativeType extends SolarisNativeType> = Extract<
  SolarisEvent,
  { nativeType: TNativeType }
>['data'];

/** Solaris money: `{ value: <integer minor units>, unit, currency }`. */
export type SolarisMoney = KnownFields<z.output<typeof solarisMoneySchema>>;
