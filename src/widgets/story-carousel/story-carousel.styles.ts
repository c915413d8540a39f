import { css } from 'lit';

/**
 * Styles of `<prm-story-carousel>`: tokens only, logical properties. The widget keeps one block
 * size in every state (skeleton, stories, empty, error, text opened), so nothing around it moves;
 * slides per view come from the container's width (container queries) and are read by the element
 * from `--_per-view`.
 */
export const styles = css`
  :host {
    min-block-size: var(--prm-story-carousel-block-size, 32em);
    block-size: var(--prm-story-carousel-block-size, 32em);
  }
  :host([hide-empty][data-empty]) {
    display: none !important;
  }
  .card {
    block-size: 100%;
    gap: calc(var(--_space) * 3);
    overflow: hidden;
  }
  .card > .skeleton {
    display: flex;
    flex-direction: column;
  }
  blockquote {
    margin: 0;
  }
  .bar,
  .picker-row {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    min-block-size: var(--_target);
    flex: none;
  }
  .picker-row {
    justify-content: center;
    min-block-size: 1.5em;
  }
  .summary {
    flex: 1;
    min-inline-size: 0;
    font-size: 0.875em;
    color: var(--_on-surface-variant);
  }
  .summary .star,
  .stars {
    color: var(--_primary);
  }
  .rotate {
    font-size: 0.875em;
    min-block-size: 2em;
    padding-inline: calc(var(--_space) * 3);
  }
  .arrows {
    display: flex;
    gap: calc(var(--_space) * 2);
  }
  .arrow {
    padding: 0;
    inline-size: var(--_target);
  }
  /* ‹ › are Bidi_Mirrored: right to left, the text direction itself draws them the other way. */
  .chev {
    font-size: 1.6em;
    line-height: 1;
  }
  .track {
    --_per-view: 1;
    --_gap: calc(var(--_space) * 4);
    flex: 1;
    min-block-size: 0;
    display: flex;
    gap: var(--_gap);
    overflow-x: auto;
    overflow-y: hidden;
    scroll-snap-type: x mandatory;
    scrollbar-width: none;
    padding-block: 4px;
  }
  .track.aligning {
    scroll-snap-type: none;
  }
  @container (min-width: 36em) {
    .cards .track {
      --_per-view: 2;
    }
  }
  @container (min-width: 56em) {
    .cards .track {
      --_per-view: 3;
    }
    .quotes .track {
      --_per-view: 2;
    }
  }
  .slide {
    flex: 0 0 calc((100% - (var(--_per-view) - 1) * var(--_gap)) / var(--_per-view));
    min-inline-size: 0;
    block-size: auto;
    scroll-snap-align: start;
    scroll-snap-stop: always;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 4);
    border: 1px solid var(--_outline-variant);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }
  /* Only the quote gives way when a slide is short (320 px, a narrow column, 200 % zoom): the
     name, title, rating and date keep their own height, never squeezed to 0 or cut mid-letter. */
  .slide > * {
    flex: none;
  }
  .slide > .skeleton,
  .slide > .state {
    flex: 1;
  }
  .media {
    flex: none;
    inline-size: 7em;
    aspect-ratio: 4 / 3;
    block-size: auto;
    border-radius: var(--_radius);
    background: var(--_surface-variant);
    object-fit: cover;
  }
  .poster {
    position: relative;
    aspect-ratio: 16 / 9;
    inline-size: 9em;
    padding: 0;
    border: 0;
    overflow: hidden;
  }
  .poster img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .play {
    position: absolute;
    inset: 0;
    margin: auto;
    inline-size: 2em;
    block-size: 2em;
    line-height: 2em;
    border-radius: 50%;
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .head {
    display: flex;
    align-items: start;
    gap: calc(var(--_space) * 3);
  }
  .head .who {
    flex: 1;
    min-inline-size: 0;
  }
  .name {
    font-weight: 700;
  }
  .meta,
  .foot {
    font-size: 0.875em;
    color: var(--_on-surface-variant);
  }
  .rating {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  .off {
    color: var(--_outline);
  }
  .verified {
    font-size: 0.875em;
    border: 1px solid var(--_outline);
    border-radius: 1em;
    padding-inline: calc(var(--_space) * 2);
  }
  .title {
    font-size: 1.05em;
    line-height: 1.35;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .quote {
    flex: 0 1 auto;
    min-block-size: 1.5em;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
    font-style: italic;
  }
  /* Read more opens the whole title too; only a title longer than the slide would scroll. */
  .open {
    display: block;
    overflow-y: auto;
  }
  .title.open {
    flex: 0 1 auto;
  }
  .quote.open {
    flex: 1 1 0;
  }
  .more {
    align-self: start;
    min-block-size: 1.5em;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
  }
  .foot {
    margin-block-start: auto;
  }
  .quotes .quote {
    font-size: 1.2em;
    -webkit-line-clamp: 5;
  }
  .quotes .slide {
    text-align: center;
    align-items: center;
  }
  .quotes .more {
    align-self: center;
  }
  .player {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
  }
  .player iframe {
    flex: 1;
    inline-size: 100%;
    border: 0;
  }
  .picker {
    display: flex;
    gap: calc(var(--_space) * 1);
  }
  .dot {
    inline-size: 1.5em;
    block-size: 1.5em;
    padding: 0;
    border: 0;
    background: none;
    cursor: pointer;
    display: grid;
    place-items: center;
  }
  .dot::before {
    content: '';
    inline-size: 0.625em;
    block-size: 0.625em;
    border-radius: 50%;
    border: 2px solid var(--_outline);
  }
  .dot[aria-selected='true']::before {
    background: var(--_primary);
    border-color: var(--_primary);
    inline-size: 0.875em;
    block-size: 0.875em;
  }
`;
