// The proactive greeting bubble: a lazy part of the facade (chat-launcher.ts), fetched only on a
// page that sets `greeting`, once its delay has passed, so the button alone stays small. Plain DOM
// like the facade: no runtime.
import { WORDS } from '../../generated/facade/facade-chat-dismiss.js';

export type Greeting = HTMLElement & {
  /** Labels the close button in `locale` (the facade calls it when the language changes). */
  t(locale: string): void;
};

let sheet: CSSStyleSheet | undefined;

/**
 * Shows `text` in a bubble above `button` (inside the facade's shadow root `root`) with a labelled
 * close button; closing it calls `dismissed` (the facade remembers it for the tab) and returns focus
 * to the launcher button.
 */
export function greet(root: ShadowRoot, button: HTMLElement, text: string, dismissed: () => void): Greeting {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `.g{position:absolute;inset-block-end:4.25em;inset-inline-end:0;inline-size:max-content;max-inline-size:min(14.5em,calc(100vw - 5.5em));background:var(--_surface);border:1px solid var(--_outline-variant);border-radius:var(--prm-radius-lg,.75em);box-shadow:var(--_shadow);padding:.75em;padding-inline-end:2.75em}` +
        `:host([position=bottom-start]) .g{inset-inline:0 auto}.g button{position:absolute;inset-block-start:.25em;inset-inline-end:.25em;inline-size:2em;block-size:2em;background:none;font-size:1.25em}`,
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
  close.onclick = () => {
    dismissed();
    g.remove();
    button.focus();
  };
  button.before(g);
  return g;
}
