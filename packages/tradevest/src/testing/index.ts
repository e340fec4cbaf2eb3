export {
  signTradevestRequest,
  type SignTradevestRequestOptions,
} from './sign-tradevest-request';
export { tradevestExamples, type TradevestExample } from './tradevest-examples';
