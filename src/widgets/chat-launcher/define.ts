/** Registers `<prm-chat-launcher>` (`import 'prm-widgets/chat-launcher'`). */
import { PrmChatLauncher } from './chat-launcher.js';

PrmChatLauncher.define();

export { PrmChatLauncher };
export type { ChatCloseDetail, ChatHandoffDetail, ChatMessageReceivedDetail, ChatMessageSentDetail, ChatOpenDetail } from './chat-launcher.js';

declare global {
  interface HTMLElementTagNameMap {
    'prm-chat-launcher': PrmChatLauncher;
  }
}
