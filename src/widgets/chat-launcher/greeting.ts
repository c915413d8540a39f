// The proactive greeting bubble: a lazy part of the facade (chat-launcher.ts), fetched only on a
// page that sets `greeting`, once its delay has passed, so the button alone stays small. Plain DOM
// like the facade: no runtime.
import { WORDS } from '../../generated/facade/facade-chat-dismiss.js';
import { tokens } from './chat-launcher.js';

export type Greeting = HTMLElement & {
  /** Labels the close button in `locale` (the facade calls it when the language changes). */
  t(locale: string): void;
  /** Removes the bubble for the rest of the tab (the patient opened the chat, or closed the bubble). */
  done(): void;
};

let sheet: CSSStyleSheet | undefined;

/**
 * Shows `text` in a bubble above `button` (inside the facade's shadow root `root`) with a labelled
 * close button, unless the patient dismissed it earlier in this tab for `clinic`; closing it
 * remembers that for the tab (sessionStorage) and returns focus to the launcher button.
 */
export function greet(root: ShadowRoot, button: HTMLElement, text: string, clinic: string): Greeting | undefined {
  const key = `prm-chat-greeting:${clinic}`;
  const store = (set?: boolean) => {
    try {
      if (set) sessionStorage.setItem(key, '1');
      return !!sessionStorage.getItem(key);
    } catch {
      return false;
    }
  };
  if (store()) return undefined;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      // Its colours: the same defaults as src/core/theme/palette.ts (test/widgets/chat-launcher/facade.test.ts).
      `.g{${tokens('surface #fff #161a1e on-surface #1b2126 #e9edf0 outline-variant #d5dce1 #353d44')}color:var(--_on-surface);font:1em/var(--prm-line-height,1.5) var(--prm-font-family,system-ui,sans-serif);position:absolute;inset-block-end:4.25em;inset-inline-end:0;inline-size:max-content;max-inline-size:min(14.5em,calc(100vw - 5.5em));background:var(--_surface);border:1px solid var(--_outline-variant);border-radius:var(--prm-radius-lg,.75em);box-shadow:var(--prm-elevation-high,0 4px 12px rgb(0 0 0/.16),0 12px 32px rgb(0 0 0/.14));padding:.75em;padding-inline-end:2.75em}` +
        `:host([position=bottom-start]) .g{inset-inline:0 auto}.g button{position:absolute;inset-block-start:.25em;inset-inline-end:.25em;inline-size:2em;block-size:2em;border:0;padding:0;border-radius:50%;cursor:pointer;color:inherit;background:none;font-size:1.25em}`,
    );
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  const g = document.createElement('div') as unknown as Greeting;
  g.className = 'g';
  g.setAttribute('part', 'greeting');
  g.setAttribute('role', 'status');
  g.append(text, close);
  g.t = (locale) => (close.ariaLabel = WORDS[locale] ?? 'Dismiss greeting');
  g.done = () => {
    store(true);
    g.remove();
  };
  close.onclick = () => {
    g.done();
    button.focus();
  };
  // Inside the button's wrapper: the facade steps both aside from a focused page element under either.
  button.before(g);
  return g;
}
