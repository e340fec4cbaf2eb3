import { createWebhooks } from '@finhooks/core';
import { createSolarisAdapter } from '@finhooks/solaris';

// One Solaris subscription per event type, each with its own secret.
export const webhooks = createWebhooks({
  adapters: [
    createSolarisAdapter({
      secrets: { BOOKING: process.env.SOLARIS_BOOKING_SECRET! },
    }),
  ],
});

webhooks.on('booking.created', event => {
  const { value, currency } = event.data.amount; // typed: integer cents
  console.log('booking', event.subject?.id, value, currency);
});
