import { msg } from '@lit/localize';

/**
 * The launcher button's words. The button (chat-launcher.ts) runs before the shared runtime and
 * has no msg(): the messages are written here, with ids starting `facade-`, so lit-localize
 * extracts them into xliff/ like every other string, and `npm run localize`
 * (scripts/facade-messages.mjs) copies their translations into src/generated/facade/<id>.ts,
 * the tables the button and its greeting read. The English text here is the button's fallback too (checked by
 * test/widgets/chat-launcher/facade.test.ts). Nothing imports this module at run time.
 */
export const facadeWords = (): Record<string, string> => ({
  'facade-chat-open': msg('Chat with us', { id: 'facade-chat-open' }),
  'facade-chat-dismiss': msg('Dismiss greeting', { id: 'facade-chat-dismiss' }),
});
