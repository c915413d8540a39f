import { css } from 'lit';

/** Styles of `<prm-booking-scheduler>`: tokens only, logical properties, container queries. */
export const styles = css`
  :host {
    min-block-size: var(--prm-booking-scheduler-block-size, 53.2177734375em);
  }
  h3 {
    font-size: 1.05em;
  }
  .sub,
  .hint,
  .choice-meta,
  .c {
    color: var(--_on-surface-variant);
  }
  .hint,
  .choice-meta,
  .c {
    font-size: 0.875em;
  }
  .step {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 3);
  }
  /* The loading skeleton fills the reserved box, whatever its size (the first step's, measured per
     width), and never outgrows it. */
  .sk-grid {
    display: grid;
    gap: calc(var(--_space) * 4);
    grid-auto-rows: minmax(3em, 1fr);
  }
  .sk-grid > .skeleton-block {
    block-size: auto;
  }
  .cal-skeleton {
    min-block-size: 20em;
  }
  .choices,
  .slot-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .choices {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15em), 1fr));
  }
  .choice,
  .slot {
    display: grid;
    gap: calc(var(--_space) * 1);
    inline-size: 100%;
    min-block-size: var(--_target);
    padding: calc(var(--_space) * 3);
    text-align: start;
    border: 1px solid var(--_outline);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .choice:hover,
  .slot:hover {
    border-color: var(--_primary);
  }
  .doctor {
    grid-template-columns: 3.5em 1fr;
    column-gap: calc(var(--_space) * 3);
  }
  .doctor > :not(.photo) {
    grid-column: 2;
  }
  .photo {
    grid-row: 1 / span 3;
    border-radius: 50%;
    inline-size: 3.5em;
    block-size: 3.5em;
  }
  .prepare h3 {
    margin: calc(var(--_space) * 2) 0 0;
    font-size: 0.875em;
  }
  .prepare ul {
    margin: calc(var(--_space) * 1) 0 0;
    padding-inline-start: 1.25em;
  }
  .choice-title {
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 1);
    border: 0;
    padding: 0;
    margin: 0;
  }
  .input {
    min-block-size: var(--_target);
    padding-inline: calc(var(--_space) * 3);
    border: 1px solid var(--_outline);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea.input {
    padding-block: calc(var(--_space) * 2);
    resize: vertical;
  }
  .link-btn {
    align-self: flex-start;
    border-color: transparent;
    background: transparent;
    color: var(--_primary);
    padding-inline: calc(var(--_space) * 2);
  }
  .zone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2);
  }
  .picker {
    flex-basis: 100%;
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .picker label {
    font-weight: 600;
  }
  .zone-list {
    list-style: none;
    margin: 0;
    padding: calc(var(--_space) * 1);
    max-block-size: 16em;
    overflow-y: auto;
    border: 1px solid var(--_outline);
    border-radius: var(--_radius);
  }
  [role='option'] {
    min-block-size: var(--_target);
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  [role='option'][aria-selected='true'] {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: -2px;
    background: var(--_surface-variant);
  }
  [role='option'].current .city {
    font-weight: 700;
  }
  .notice {
    padding: calc(var(--_space) * 3);
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface-variant);
    border-radius: var(--_radius);
  }
  .when {
    display: grid;
    gap: calc(var(--_space) * 5);
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-inline-size: 44em) {
    .when {
      grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr);
      align-items: start;
    }
  }
  .month-nav {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 2);
  }
  :host(:dir(rtl)) .flip {
    display: inline-block;
    transform: scaleX(-1);
  }
  .grid {
    inline-size: 100%;
    border-collapse: separate;
    border-spacing: 2px;
    table-layout: fixed;
  }
  .grid th {
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_on-surface-variant);
    padding-block: calc(var(--_space) * 1);
  }
  .wd-n {
    display: none;
  }
  /* Languages whose short weekday names are whole words (Arabic) use one letter on a narrow card;
     the short name stays for screen readers. */
  @container (max-inline-size: 36em) {
    .long-wd .wd-s {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .long-wd .wd-n {
      display: inline;
    }
  }
  .day {
    block-size: var(--_target);
    text-align: center;
    border-radius: var(--_radius);
    color: var(--_on-surface-variant);
    cursor: default;
  }
  .day.avail {
    color: var(--_on-surface);
    font-weight: 700;
    background: var(--_surface-variant);
    box-shadow: inset 0 -3px 0 var(--_success);
    cursor: pointer;
  }
  .day.today {
    outline: 1px dashed var(--_outline);
    outline-offset: -2px;
  }
  .day.sel {
    background: var(--_primary);
    color: var(--_on-primary);
    box-shadow: none;
  }
  .day:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 0;
  }
  .slots {
    display: grid;
    gap: calc(var(--_space) * 2);
    align-content: start;
  }
  .slot-list {
    grid-template-columns: repeat(auto-fill, minmax(8.5em, 1fr));
    max-block-size: 22em;
    overflow-y: auto;
  }
  .slot .t {
    font-weight: 700;
  }
  .slot[aria-pressed='true'] {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 2px var(--_primary);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: center;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
