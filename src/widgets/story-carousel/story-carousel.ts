import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { PrmElement } from '../../core/element.js';
import { PagedController } from '../../core/data/paged.js';
import { configErrorState, emptyState, errorState } from '../../core/states.js';
import { dateFormat, displayName, formatNumber, warmIntl } from '../../core/i18n/format.js';
import type { Story } from '../../core/contract/stories.js';
import { canGo, clampIndex, clampPerView, jumpOffset, keyAction, lastStart, navigate, pickerWindow, readMoreState, renderWindow, shouldFetchMore, slidePosition, type NavAction } from './window.js';
import { flagOf, httpUrl, playerUrl, srcsetOf } from './media.js';
import { cardLayout } from '../../core/theme/card.js';
import { styles } from './story-carousel.styles.js';
import type { Rotation } from './rotation.js';
import { StoriesResponseSchema } from '../../generated/contract/stories.js';

/** `prm-stories-view`: the first stories are on screen. */
export interface StoriesViewDetail {
  /** Stories these filters select in all (every page). */
  total: number;
  /** Stories loaded so far (the first page). */
  loaded: number;
  /** The language whose stories come first. */
  language: string;
  /** `api` (GET /v1/stories) or `static` (the `src` file). */
  source: 'api' | 'static';
}

/** What moved the carousel. */
export type StoryChangeCause = 'button' | 'picker' | 'key' | 'swipe';

/** `prm-story-change`: the patient moved to another story. */
export interface StoryChangeDetail {
  /** 0-based position of the first story in view, in the whole filtered set. */
  index: number;
  /** That story's id; null while its page is still loading. */
  id: string | null;
  cause: StoryChangeCause;
}

/** `prm-story-open`: the patient opened a story's full text or its video. */
export interface StoryOpenDetail {
  index: number;
  id: string;
  kind: 'read-more' | 'video';
}

declare module '../../core/events.js' {
  interface PrmEventDetails {
    'prm-stories-view': StoriesViewDetail;
    'prm-story-change': StoryChangeDetail;
    'prm-story-open': StoryOpenDetail;
  }
}

type Args = readonly [source: string | object, language: string, procedure: string, specialty: string, country: string, minRating: number, limit: number, locale: string];

/** The base language of a locale (`pt-BR` → `pt`). */
const baseLang = (locale: string) => locale.toLowerCase().split('-')[0]!;

/**
 * Patient success stories the authors consented to publish and the clinic approved, filtered by
 * treatment, specialty, country and rating, stories in the patient's language first. A WAI-ARIA APG
 * carousel (previous/next, a tabbed slide picker, optional rotation with a pause control first),
 * swipe and trackpad through CSS scroll-snap, and windowed: never more than five slides in the DOM,
 * whatever the number of stories, each labelled with its true position ("3 of 1,000"); the next
 * page loads as the patient nears the end of what is loaded.
 *
 * @summary Consented success stories in an accessible, windowed carousel.
 *
 * @fires prm-stories-view - Once, when the first stories are shown. `detail: { total, loaded, language, source }`
 * @fires prm-story-change - The patient moved to another story (button, picker, key or swipe; not rotation). `detail: { index, id, cause }`
 * @fires prm-story-open - The patient opened a story's full text or played its video. `detail: { index, id, kind }`
 * @fires prm-error - Loading failed (or the `src` file is invalid). `detail: { widget, reason, message, status?, code? }`
 *
 * @csspart base - The carousel region.
 * @csspart controls - The bar with the rotation control, the rating summary and previous/next.
 * @csspart slides - The scrolling track of slides.
 * @csspart slide - One story.
 * @csspart picker - The slide picker (tabs).
 * @csspart loading - The loading skeleton (the final box).
 * @csspart empty - The state when no story matches.
 * @csspart error - An error state.
 *
 * @cssprop [--prm-story-carousel-block-size=32em] - Block size of the widget; the skeleton and every state keep it (zero layout shift).
 * @cssprop --prm-color-primary - Buttons, the current picker dot, stars.
 * @cssprop --prm-radius - Corner radius of slides and controls.
 * @cssprop --prm-font-family - Font of the widget.
 */
export class PrmStoryCarousel extends PrmElement {
  static override tagName = 'prm-story-carousel';
  static override styles = [...(PrmElement.styles as never[]), cardLayout, styles];

  static override properties = {
    ...PrmElement.properties,
    procedure: {},
    specialty: {},
    country: {},
    language: {},
    minRating: { attribute: 'min-rating' },
    limit: {},
    autoplay: {},
    layout: { reflect: true },
    src: {},
    structuredData: { attribute: 'structured-data', type: Boolean },
    hideEmpty: { attribute: 'hide-empty', type: Boolean },
    current: { state: true },
    perView: { state: true },
    open: { state: true },
    playing: { state: true },
    clamped: { state: true },
  };

  /** Only stories about this procedure (catalog id, e.g. `dental-implants`). */
  declare procedure?: string;
  /** Only stories about procedures of this specialty (catalog id, e.g. `dental`). Not applied to a `src` file. */
  declare specialty?: string;
  /** Only stories by patients from this country (ISO 3166-1 alpha-2, e.g. `DE`). */
  declare country?: string;
  /** Stories written in this language come first (default: the widget's language); names and texts of the widget stay in the widget's language, and stories not in it say which language they are in. */
  declare language?: string;
  /** Only stories rated at least this (1–5; a fraction rounds up to whole stars, a value above 5 asks 5, and 0, a negative value or no number means any rating). */
  declare minRating?: string;
  /** Stories per page fetched (1–50, default 12: a value above 50 asks 50, and 0, a negative value or no number the default); the next page loads as the patient nears the end. */
  declare limit?: string;
  /** Rotate every N milliseconds (e.g. `6000`); off by default, and never under `prefers-reduced-motion`. */
  declare autoplay?: string;
  /** `cards` (default: photo, details, quote) or `quotes` (large quote, no photo). */
  declare layout?: string;
  /** Static mode: a JSON file `{ "stories": [...] }` (the GET /stories shape) instead of the API. */
  declare src?: string;
  /** Adds schema.org Review / AggregateRating JSON-LD for the loaded stories to the light DOM. */
  declare structuredData?: boolean;
  /** Hides the whole element when no story matches (instead of a polite empty state). */
  declare hideEmpty?: boolean;

  /** @internal Index (in the whole set) of the first story in view. */
  declare private current: number;
  /** @internal Stories in view at once (from the container's width, set by CSS). */
  declare private perView: number;
  /** @internal Ids of stories whose full text is open. */
  declare private open: ReadonlySet<string>;
  /** @internal Id of the story whose video player is loaded. */
  declare private playing: string;
  /** @internal Ids of stories whose quote is cut by the clamp. */
  declare private clamped: ReadonlySet<string>;

  #total = 0;
  #average: number | null = null;
  #argsKey = '';
  #viewed = false;
  #aligned = '';
  #resize?: ResizeObserver;
  /** Rotation (`autoplay`): a lazy part, rotation.ts, loaded only when the attribute is set. */
  #rot?: Rotation;
  #rotLoad?: Promise<unknown>;
  #dragX?: number;
  #settleTimer?: ReturnType<typeof setTimeout>;
  #jsonLd = false;
  /** Stories fetched by a jump (End) past the loaded pages, by index in the whole set; the offset asked for; its failure. */
  #far = new Map<number, Story>();
  #farAt = -1;
  #farErr?: unknown;
  /** The filters of the last page asked for (a jump asks with the same). */
  #params: Record<string, string | number | undefined> = {};

  constructor() {
    super();
    this.current = 0;
    this.perView = 1;
    this.open = new Set();
    this.playing = '';
    this.clamped = new Set();
  }

  private readonly paged: PagedController<Story, Args> = new PagedController<Story, Args>(this, {
    args: () => {
      const source = this.src ? httpUrl(new URL(this.src, document.baseURI).href) : this.client;
      if (!source) return undefined;
      // As a clinic writes them (`country="de"`, `min-rating="4.5"` or `"-1"`, `limit="100"` or `"-5"`): what the API
      // accepts, not a 400. min-rating 0–5 (0: any); limit 1–50 (0: the API's default page).
      return [source, this.#language(), this.procedure ?? '', this.specialty ?? '', (this.country ?? '').toUpperCase(), Math.max(0, Math.min(5, Math.ceil(Number(this.minRating)) || 0)), Math.max(0, Math.min(50, Number(this.limit) | 0)), baseLang(this.resolvedLocale)] as const;
    },
    page: async ([source, language, procedure, specialty, country, minRating, limit, locale], cursor, { signal }) => {
      if (typeof source === 'string') {
        // Static mode is a lazy part: pages on the API never download it.
        const sel = await (await import('./static-source.js')).loadStaticStories(source, { procedure, country, language, minRating }, signal);
        this.#total = sel.total;
        this.#average = sel.averageRating;
        return { items: sel.stories, nextCursor: null };
      }
      const client = this.client!;
      const searchParams = (this.#params = { language, locale, procedure: procedure || undefined, specialty: specialty || undefined, country: country || undefined, minRating: minRating || undefined, limit: limit || undefined });
      // The engine's Intl start-up (numbers, dates, names on the first slides) in tasks of its own
      // while the first page comes, rather than inside the task that renders it (the controller
      // renders a page a task after it arrives, core/data/paged.ts).
      if (!cursor) warmIntl(this.resolvedLocale);
      // The clinic profile (theme) with the first page, so the first stories show in its colours.
      const [res] = await Promise.all([client.get('stories', StoriesResponseSchema, { signal, searchParams: { ...searchParams, cursor } }), cursor ? undefined : this.clinicCtl.load(), this.#rotLoad]);
      this.#total = res.total;
      this.#average = res.averageRating;
      return { items: res.stories, nextCursor: res.nextCursor };
    },
  });

  /** What relative media URLs are relative to: the static file in static mode (the API sends absolute ones). */
  #base(): string | undefined {
    return this.src ? new URL(this.src, document.baseURI).href : undefined;
  }

  /** Stories in this language come first: the `language` attribute, else the widget's own. */
  #language(): string {
    return baseLang(this.language || this.resolvedLocale);
  }

  /** Stories in the whole set: the server's total, or what is loaded once the last page is in. */
  get #count(): number {
    return this.paged.done ? this.paged.items.length : Math.max(this.#total, this.paged.items.length);
  }

  /**
   * Loads the rotation (once, when `autoplay` is set); the first page waits for it, so its control is
   * there from the first stories on. A rotation that cannot load (offline) never holds back the
   * stories: they show without it.
   */
  #rotation(): void {
    if (this.autoplay != null) this.#rotLoad ??= import('./rotation.js').then(({ Rotation }) => {
      this.#rot = new Rotation(
        this,
        () => {
          // Wait on a page still loading rather than rotate onto an empty slide.
          if (this.current + this.perView >= this.paged.items.length && !this.paged.done) return;
          this.current = this.current >= lastStart(this.#count, this.perView) ? 0 : this.current + 1;
          this.playing = '';
        },
        () => this.#count > this.perView && this.paged.items.length > 0,
      );
      this.requestUpdate();
    }, () => {});
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => this.#measure());
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  /** Hover and focus inside hold the rotation (rotation.ts). */
  #hold = (e: Event) => this.#rot?.hold(e);

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const key = [this.src, this.#language(), this.procedure, this.specialty, this.country, this.minRating, this.limit].join('|');
    if (key !== this.#argsKey) {
      if (this.#argsKey) {
        this.current = 0;
        this.open = new Set();
        this.playing = '';
        this.#far = new Map();
        this.#farAt = -1;
        this.#farErr = undefined;
      }
      this.#argsKey = key;
    }
    this.#rotation();
    this.current = clampIndex(this.current, this.#count, this.perView);
  }

  /** Moves to `index` (clamped); fires `prm-story-change` when it moved and `cause` is the patient's. */
  #go(index: number, cause?: StoryChangeCause): void {
    const next = clampIndex(index, this.#count, this.perView);
    if (next === this.current) return;
    this.current = next;
    this.playing = '';
    if (cause) this.emit('prm-story-change', { index: next, id: this.#story(next)?.id ?? null, cause });
  }

  /**
   * End goes to the true last story (the server's total): its slide is a skeleton labelled "1,000 of
   * 1,000" at once, and `updated` fetches the one page around it by offset (`#jump`), never the pages before it.
   */
  #nav(action: NavAction, cause: StoryChangeCause): void {
    this.#go(navigate(action, this.current, this.#count, this.perView), cause);
  }

  #prev = () => this.#nav('prev', 'button');
  #next = () => this.#nav('next', 'button');

  #pickerKey = (e: KeyboardEvent) => {
    const action = keyAction(e.key, getComputedStyle(this).direction === 'rtl' ? 'rtl' : 'ltr');
    if (!action) return;
    e.preventDefault();
    this.#nav(action, 'key');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus());
  };

  #toggleMore(story: Story, index: number): void {
    const open = new Set(this.open);
    if (open.has(story.id)) open.delete(story.id);
    else {
      open.add(story.id);
      this.emit('prm-story-open', { index, id: story.id, kind: 'read-more' });
    }
    this.open = open;
  }

  #play(story: Story, index: number): void {
    this.playing = story.id;
    this.#rot?.stop();
    this.emit('prm-story-open', { index, id: story.id, kind: 'video' });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.player .close')?.focus());
  }

  #closeVideo(index: number): void {
    this.playing = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#s-${index} .poster`)?.focus());
  }

  /** After a swipe or trackpad scroll: the slide nearest the start of the track becomes current. */
  #settle = () => {
    const track = this.#track();
    if (!track) return;
    const rtl = getComputedStyle(track).direction === 'rtl';
    const t = track.getBoundingClientRect();
    let best: { i: number; d: number } | undefined;
    for (const s of track.querySelectorAll<HTMLElement>('.slide')) {
      const r = s.getBoundingClientRect();
      const d = Math.abs(rtl ? r.right - t.right : r.left - t.left);
      if (!best || d < best.d) best = { i: Number(s.dataset.i), d };
    }
    if (best && best.i !== this.current) this.#go(best.i, 'swipe');
    else this.#align(true);
  };

  #scroll = () => {
    if ('onscrollend' in window) return;
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(this.#settle, 150);
  };

  /**
   * Pointer fallback: a mouse drag across the track moves one story (touch and trackpads scroll).
   * While the button is down the browser neither starts a selection nor drags one already made:
   * a native drag of selected text cancels the pointer (no pointerup), and every later drag would do nothing.
   */
  #down = (e: PointerEvent) => {
    if (e.pointerType === 'mouse' && e.button === 0) this.#dragX = e.clientX;
  };
  #native = (e: Event) => {
    if (this.#dragX !== undefined) e.preventDefault();
  };
  #up = (e: PointerEvent) => {
    if (this.#dragX === undefined) return;
    if (e.type === 'pointercancel') return void (this.#dragX = undefined);
    const dx = e.clientX - this.#dragX;
    this.#dragX = undefined;
    if (Math.abs(dx) < 40) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    this.#nav(dx < 0 !== rtl ? 'next' : 'prev', 'swipe');
  };

  #track(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.track');
  }

  /** Stories in view, as the styles decide from the container's width (`--_per-view`). */
  #measure(): void {
    const track = this.#track();
    if (!track) return;
    const pv = clampPerView(Number(getComputedStyle(track).getPropertyValue('--_per-view')));
    if (pv !== this.perView) this.perView = pv;
    this.#aligned = '';
    this.#measureClamps();
    this.#align();
  }

  /** Scrolls the track (only the track) so the current story is at its start. */
  #align(force = false): void {
    const key = `${this.current}|${this.perView}|${this.paged.items.length}`;
    if (!force && key === this.#aligned) return;
    const track = this.#track();
    const slide = track?.querySelector<HTMLElement>(`#s-${this.current}`);
    if (!track || !slide) return;
    this.#aligned = key;
    const rtl = getComputedStyle(track).direction === 'rtl';
    const t = track.getBoundingClientRect();
    const s = slide.getBoundingClientRect();
    const delta = rtl ? s.right - t.right : s.left - t.left;
    if (Math.abs(delta) <= 1) return;
    // Snapping off while the track moves: the browser would otherwise snap back to the slide node
    // it was on before the window changed (nodes are reused for other stories).
    track.classList.add('aligning');
    track.scrollBy({ left: delta, behavior: 'instant' });
    requestAnimationFrame(() => track.classList.remove('aligning'));
  }

  /** Which stories in the DOM have their title or quote cut by the clamp (they get "Read more"). */
  #measureClamps(): void {
    const next = new Set<string>();
    for (const q of this.renderRoot.querySelectorAll<HTMLElement>('[data-id]')) {
      if (readMoreState({ scrollHeight: q.scrollHeight, clientHeight: q.clientHeight, expanded: this.open.has(q.dataset.id!) }) !== 'none') next.add(q.dataset.id!);
    }
    if (next.size !== this.clamped.size || [...next].some((id) => !this.clamped.has(id))) this.clamped = next;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const items = this.paged.items;
    const ready = this.paged.status === 'ready' || items.length > 0;
    const empty = this.paged.status === 'ready' && items.length === 0;
    this.toggleAttribute('data-empty', empty);
    if (ready && !this.#viewed && items.length && this.isConnected) {
      this.#viewed = true;
      this.emit('prm-stories-view', { total: this.#count, loaded: items.length, language: this.#language(), source: this.src ? 'static' : 'api' });
    }
    this.#measure();
    // Far past the loaded pages (End): the one page around the view, by offset; else the next page in order.
    const size = Number(this.#params.limit) || 12;
    const win = renderWindow(this.#count, this.current, this.perView).indices;
    const at = this.src || this.paged.status !== 'ready' ? null : jumpOffset(win, win.filter((i) => !this.#story(i)), items.length, this.#count, size);
    if (at !== null) {
      if (at !== this.#farAt) this.#jump(at, size);
    } else if (win.at(-1)! < items.length + size && shouldFetchMore({ loaded: items.length, total: this.#count, current: this.current, perView: this.perView, hasMore: !this.paged.done, loading: this.paged.status !== 'ready' })) {
      this.paged.loadMore();
    }
    this.#structuredData();
  }

  #story(i: number): Story | undefined {
    return this.paged.items[i] ?? this.#far.get(i);
  }

  #jump(at: number, size: number): void {
    this.#farAt = at;
    this.#farErr = undefined;
    this.client!.get('stories', StoriesResponseSchema, { searchParams: { ...this.#params, limit: size, offset: at } }).then(
      (res) => {
        if (this.#farAt === at) res.stories.forEach((s, k) => this.#far.set(at + k, s));
      },
      (err: unknown) => {
        if (this.#farAt === at) {
          this.#farErr = err;
          this.reportError(err);
        }
      },
    ).finally(() => this.requestUpdate());
  }

  #retryJump = () => {
    this.#farAt = -1;
    this.requestUpdate();
  };

  /** Keeps one JSON-LD script in the light DOM in step with the loaded stories (or none): json-ld.ts. */
  #structuredData(): void {
    const items = this.paged.items;
    const on = !!this.structuredData && items.length > 0;
    if (!on && !this.#jsonLd) return;
    this.#jsonLd = on;
    if (!on) {
      this.querySelector(':scope>script[type="application/ld+json"]')?.remove();
      return;
    }
    // The builder is a lazy part, loaded only by pages that ask for structured data.
    void import('./json-ld.js').then(({ buildJsonLd, putJsonLd }) => {
      if (this.#jsonLd) putJsonLd(this, buildJsonLd({ clinicName: this.clinicConfig?.name ?? document.title, stories: this.paged.items, total: this.#count, averageRating: this.#average }));
    });
  }

  // ---- render ----------------------------------------------------------------------------------

  protected override render(): unknown {
    // Static mode works without a backend, so without an API URL or clinic key.
    if (this.src && !this.configCtl.result.ok) return this.renderContent();
    return super.render();
  }

  protected override renderContent(): TemplateResult {
    return html`<section
      class="card ${this.layout === 'quotes' ? 'quotes' : 'cards'}"
      part="base"
      aria-roledescription=${msg('carousel')}
      aria-label=${msg('Patient stories')}
      @mouseenter=${this.#hold}
      @mouseleave=${this.#hold}
      @focusin=${this.#hold}
      @focusout=${this.#hold}
    >
      ${
        // The `src` file is missing or invalid: trying again cannot help (static-source.ts says why in the console).
        (this.paged.error as { final?: true } | undefined)?.final
          ? configErrorState()
        : this.paged.render({
        pending: () => this.#skeleton(),
        empty: () => emptyState(msg('No patient stories to show yet'), msg('Please check back later.')),
        complete: () => this.#carousel(),
      })}
    </section>`;
  }

  #summary(average: number, total: number): string {
    const locale = this.resolvedLocale;
    const avg = formatNumber(average, locale, { maximumFractionDigits: 1 });
    const count = formatNumber(total, locale);
    // A count after a colon reads right for every number in every language (no plural forms: "1 patient stories").
    return msg(str`${avg} out of 5 · Patient stories: ${count}`);
  }

  #skeleton(): TemplateResult {
    return html`<div class="bar"></div>
      <div class="track" aria-hidden="true"><div class="slide skeleton-block"></div><div class="slide skeleton-block"></div><div class="slide skeleton-block"></div></div>
      <div class="picker-row"></div>`;
  }

  #carousel(): TemplateResult {
    const locale = this.resolvedLocale;
    const total = this.#count;
    const pv = Math.min(this.perView, total);
    const win = renderWindow(total, this.current, pv);
    const go = canGo(this.current, total, pv);
    // Tabs: one per place the view can start, each with its true place among them (the picker shows a window of them).
    const dots = lastStart(total, pv) + 1;
    const live = this.#rot?.running ? 'off' : 'polite';
    const n = (v: number) => formatNumber(v, locale);
    // Stories in view with no control of their own (no video, nothing cut): the track itself takes
    // focus, so a keyboard can still scroll it (as Chromium does for such scrollers).
    const bare = win.visible.every((i) => {
      const s = this.#story(i);
      return !s || (!this.clamped.has(s.id) && !this.open.has(s.id) && !(s.video && playerUrl(s.video)));
    });
    return html`<div class="bar" part="controls">
        ${this.#rot?.button()}
        <p class="summary">
          ${this.#average !== null
            ? html`<span class="star" aria-hidden="true">★</span> ${this.#summary(this.#average, total)}`
            : nothing}
        </p>
        <div class="arrows">
          <button type="button" class="btn arrow prev" aria-label=${msg('Previous story')} aria-controls="track" aria-disabled=${go.prev ? 'false' : 'true'} @click=${this.#prev}>
            <span class="chev" aria-hidden="true">‹</span>
          </button>
          <button type="button" class="btn arrow next" aria-label=${msg('Next story')} aria-controls="track" aria-disabled=${go.next ? 'false' : 'true'} @click=${this.#next}>
            <span class="chev" aria-hidden="true">›</span>
          </button>
        </div>
      </div>
      <div
        class="track"
        id="track"
        part="slides"
        aria-live=${live}
        tabindex=${bare ? 0 : nothing}
        @scroll=${this.#scroll}
        @scrollend=${this.#settle}
        @pointerdown=${this.#down}
        @pointerup=${this.#up}
        @pointercancel=${this.#up}
        @dragstart=${this.#native}
        @selectstart=${this.#native}
      >
        ${win.indices.map((i) => this.#slide(this.#story(i), i, total, win.visible.includes(i)))}
      </div>
      <div class="picker-row">
        <div class="picker" part="picker" role="tablist" aria-label=${msg('Choose a story')} @keydown=${this.#pickerKey}>
          ${pickerWindow(dots, this.current).map((i) => {
            const selected = i === this.current;
            return html`<button
              type="button"
              role="tab"
              class="dot"
              aria-label=${storyName(n(i + 1))}
              aria-selected=${selected ? 'true' : 'false'}
              aria-posinset=${i + 1}
              aria-setsize=${dots}
              aria-controls=${win.indices.includes(i) ? `s-${i}` : nothing}
              tabindex=${selected ? 0 : -1}
              @click=${() => this.#go(i, 'picker')}
            ></button>`;
          })}
        </div>
      </div>`;
  }

  #slide(story: Story | undefined, i: number, total: number, visible: boolean): TemplateResult {
    const locale = this.resolvedLocale;
    const pos = slidePosition(i, total);
    const label = positionLabel(formatNumber(pos.n, locale), formatNumber(pos.of, locale));
    const attrs = (body: unknown) =>
      html`<div class="slide" id=${`s-${i}`} data-i=${i} part="slide" role="tabpanel" aria-roledescription=${msg('slide')} aria-label=${label} ?inert=${!visible}>${body}</div>`;
    if (!story) {
      // Beyond the pages loaded: a skeleton of the same box, or the failed page's error and retry.
      return attrs(
        this.#farErr
          ? errorState(this.#farErr, this.#retryJump)
          : this.paged.status === 'error'
          ? errorState(this.paged.error, this.paged.retry)
          : html`<div class="skeleton" aria-busy="true"><div class="skeleton-block"></div><div class="skeleton-line"></div></div>`,
      );
    }
    if (this.playing === story.id && story.video) {
      const src = playerUrl(story.video);
      return attrs(html`<div class="player">
        ${src ? html`<iframe src=${src} title=${videoTitle(story.title)} allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen></iframe>` : nothing}
        <button type="button" class="btn close" @click=${() => this.#closeVideo(i)}>${msg('Close video')}</button>
      </div>`);
    }
    const lang = story.language;
    // Said only of stories the reader's page is not in (the widget's locale, not the `language` preference).
    const other = lang !== baseLang(locale);
    const open = this.open.has(story.id);
    const cut = this.clamped.has(story.id) || open;
    const quotes = this.layout === 'quotes';
    const date = dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${story.date}T00:00:00Z`));
    return attrs(html`<div class="head">
        <div class="who">
          <p class="name" lang=${lang} dir="auto">${story.displayName}</p>
          <p class="meta"><span aria-hidden="true">${flagOf(story.country)}</span> ${displayName(locale, 'region', story.country)}</p>
          <p class="meta">${story.procedureName}</p>
        </div>
        ${this.#media(story, i, quotes)}
      </div>
      <p class="rating">
        <span class="stars" role="img" aria-label=${ratedLabel(story.rating)}>${'★'.repeat(story.rating)}<span class="off">${'★'.repeat(5 - story.rating)}</span></span>
        ${story.verified ? html`<span class="verified"><span aria-hidden="true">✓</span> ${msg('Verified patient')}</span>` : nothing}
      </p>
      <h3 class="title ${open ? 'open' : ''}" data-id=${story.id} lang=${lang} dir="auto">${story.title}</h3>
      <blockquote class="quote ${open ? 'open' : ''}" id=${`q-${i}`} data-id=${story.id} lang=${lang} dir="auto" tabindex=${open ? 0 : nothing}>${story.body}</blockquote>
      ${cut
        ? html`<button type="button" class="more" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`q-${i}`} @click=${() => this.#toggleMore(story, i)}>${open ? msg('Show less') : msg('Read more')}</button>`
        : nothing}
      <p class="foot"><time datetime=${story.date}>${date}</time>${other ? html` · <span>${writtenIn(displayName(locale, 'language', lang))}</span>` : nothing}</p>`);
  }

  #media(story: Story, i: number, quotes: boolean): TemplateResult | typeof nothing {
    const v = story.video;
    const base = this.#base();
    const poster = v && playerUrl(v) ? httpUrl(v.poster.url, base) : undefined;
    if (v && poster) {
      return html`<button type="button" class="media poster" aria-label=${playLabel(story.title)} @click=${() => this.#play(story, i)}>
        <img src=${poster} alt="" width=${v.poster.width} height=${v.poster.height} loading="lazy" />
        <span class="play" aria-hidden="true">▶</span>
      </button>`;
    }
    const img = story.image;
    const src = img ? httpUrl(img.url, base) : undefined;
    // The quotes layout shows no photo, but a video keeps its facade.
    if (!img || !src || quotes) return nothing;
    return html`<img class="media photo" src=${src} srcset=${srcsetOf(img, base) || nothing} sizes="8em" alt=${img.alt} lang=${story.language} width=${img.width} height=${img.height} loading="lazy" />`;
  }
}

// Messages with placeholders, each a function so the translators see plain names.
const storyName = (num: string) => msg(str`Story ${num}`);
const positionLabel = (pos: string, of: string) => msg(str`${pos} of ${of}`);
const videoTitle = (title: string) => msg(str`Video: ${title}`);
const playLabel = (title: string) => msg(str`Play video: ${title}`);
const ratedLabel = (rating: number) => msg(str`Rated ${rating} out of 5`);
const writtenIn = (language: string) => msg(str`Written in ${language}`);
