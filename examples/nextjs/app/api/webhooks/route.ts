// app/api/webhooks/route.ts — POST https://your.app/api/webhooks
// With one adapter registered, any path routes to it.
import { createFetchHandler } from '@finhooks/core';
import { webhooks } from '../../../lib/webhooks';

export const POST = createFetchHandler(webhooks);
