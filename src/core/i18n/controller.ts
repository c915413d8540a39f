import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { Locale } from '../config/schema.js';
import { dirOf, resolveLocale } from './locale.js';
import { useLocale } from './localization.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Keeps a widget's language and direction: resolves its locale (element `lang` → configured
 * locale → nearest ancestor `[lang]` → `<html lang>` → browser), loads that locale's messages
 * (only then is its chunk fetched), re-renders when they arrive, and sets `dir` on the host so
 * logical properties mirror the layout for Arabic.
 */
export class LocaleController implements ReactiveController {
  locale: Locale = 'en';
  #ownDir = false;

  constructor(
    private readonly host: Host,
    private readonly configured: () => string | undefined,
  ) {
    host.addController(this);
    updateWhenLocaleChanges(host);
  }

  get dir(): 'ltr' | 'rtl' {
    return dirOf(this.locale);
  }

  hostConnected(): void {
    this.update();
  }

  hostUpdate(): void {
    this.update();
  }

  update(): void {
    const next = resolveLocale(this.host, this.configured() ?? 'auto');
    const pageDir = this.host.hasAttribute('dir') && !this.#ownDir;
    if (!pageDir && this.host.getAttribute('dir') !== dirOf(next)) {
      this.host.setAttribute('dir', dirOf(next));
      this.#ownDir = true;
    }
    if (next !== this.locale || !this.#loaded) {
      this.locale = next;
      this.#loaded = true;
      void useLocale(next);
    }
  }

  #loaded = false;
}
