// `@finhooks/core/node`: the handler for Node's `http` server, Express,
// Fastify and friends. A subpath of its own, so the main entry's types need
// no `@types/node` (edge, Deno and Workers users compile without it).
export {
  answerNodeRequest,
  createNodeHandler,
  type NodeHandlerOptions,
} from './http/create-node-handler';
export type { NodeWebhookRequest } from './http/read-node-body';
