export {
  createTradevestAdapter,
  type TradevestAdapter,
  type TradevestEvent,
} from './tradevest-adapter';
export {
  tradevestDefaultDedupWindowMs,
  type TradevestAdapterSettings,
} from './tradevest-adapter-settings';
export { tradevestEventReferences } from './tradevest-event-references';
export {
  fanOutLabelsUpdate,
  type TradevestLabelsUpdateItem,
} from './fan-out-labels-update';
export {
  tradevestNativeTypes,
  tradevestPathOf,
  type TradevestNativeType,
} from './tradevest-paths';
export type * from './tradevest-payload-types';
export { verifyTradevestWebhook } from './tradevest-verify-webhook';
export { VERSION } from './version';
