import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** Autoplay interval when the attribute is given without a usable number (ms). */
const DEFAULT_MS = 6000;

/** The carousel as the rotation sees it. */
export interface RotationHost extends ReactiveControllerHost, HTMLElement {
  /** The `autoplay` attribute (ms), or undefined when rotation was not asked for. */
  autoplay?: string;
}

/**
 * Rotation of `<prm-story-carousel autoplay="6000">`: a lazy part, loaded only by a carousel that
 * has the attribute (before its first stories are shown, so the control is there from the start).
 * APG: a visible stop/start control first in tab order, rotation held while the pointer is over the
 * carousel or focus is inside it, never under `prefers-reduced-motion`, and the live region off
 * only while it turns. Each tick moves one story (`step`), when `ready()` says there is somewhere
 * to go; a tick is not the patient's action, so it fires no event.
 */
export class Rotation implements ReactiveController {
  /** Switched on: autoplay given and not stopped by the patient. */
  on = false;
  #hover = false;
  #focus = false;
  #attr?: string;
  #timer?: ReturnType<typeof setInterval>;
  readonly #motion = matchMedia('(prefers-reduced-motion: reduce)');

  constructor(
    private readonly host: RotationHost,
    private readonly step: () => void,
    private readonly ready: () => boolean,
  ) {
    host.addController(this);
  }

  /** The interval (ms): at least 2 s; the default for a value that is no usable number; 0 without the attribute. */
  get #ms(): number {
    const a = this.host.autoplay;
    return a == null ? 0 : Number(a) >= 2000 ? Number(a) : DEFAULT_MS;
  }

  /** Rotation may run at all: asked for, and the patient has not asked the system for less motion. */
  get can(): boolean {
    return this.#ms > 0 && !this.#motion.matches;
  }

  /** Turning now: switched on, not held, allowed (the live region is off only then). */
  get running(): boolean {
    return this.on && !this.#hover && !this.#focus && this.can;
  }

  hostConnected(): void {
    this.#motion.addEventListener('change', this.#changed);
  }

  hostDisconnected(): void {
    this.#motion.removeEventListener('change', this.#changed);
    this.#stop();
  }

  hostUpdate(): void {
    // A new `autoplay` value switches rotation on again (or off, when it is removed).
    if (this.host.autoplay !== this.#attr) {
      this.#attr = this.host.autoplay;
      this.on = this.can;
    }
  }

  hostUpdated(): void {
    if (this.running && this.ready()) this.#timer ??= setInterval(this.step, this.#ms);
    else this.#stop();
  }

  #changed = () => this.host.requestUpdate();

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Rotation holds while the pointer is over the carousel or focus is inside it (APG). */
  hold(e: Event): void {
    const t = e.type;
    if (t === 'mouseenter' || t === 'mouseleave') this.#hover = t === 'mouseenter';
    else this.#focus = t === 'focusin' || ((e as FocusEvent).relatedTarget instanceof Node && this.host.shadowRoot!.contains((e as FocusEvent).relatedTarget as Node));
    this.host.requestUpdate();
  }

  /** Stops rotation for good (until the patient starts it again), e.g. when a video is played. */
  stop(): void {
    this.on = false;
    this.host.requestUpdate();
  }

  #toggle = () => {
    this.on = !this.on;
    this.host.requestUpdate();
  };

  /** The stop/start control, first in the bar; nothing when rotation cannot run. */
  button(): TemplateResult | typeof nothing {
    return this.can
      ? html`<button type="button" class="btn rotate" @click=${this.#toggle}>
          <span class="icon" aria-hidden="true">${this.on ? '❚❚' : '▶'}</span>${this.on ? msg('Stop slide rotation') : msg('Start slide rotation')}
        </button>`
      : nothing;
  }
}
