import { css } from 'lit';
import { fieldsetStyles } from '../../core/theme/fieldset.js';
import { pillStyles } from '../../core/theme/pill.js';

/** Styles of `<prm-quote-calculator>`: tokens only, logical properties, container queries. */
export const styles = css`
  ${pillStyles}
  :host {
    min-block-size: var(--prm-quote-calculator-block-size, 46em);
  }
  h3 {
    font-size: 1.1em;
  }
  h4 {
    font-size: 0.95em;
  }
  .sub,
  .hint,
  .opt-meta,
  .line-note,
  .source,
  .disclaimer {
    color: var(--_on-surface-variant);
  }
  .hint,
  .opt-meta,
  .line-note,
  .source,
  .disclaimer {
    font-size: 0.875em;
  }
  /* A phone sees the treatment, then its total, then the package and options. */
  /* Tab follows what is seen: down the choices, then the estimate beside them on a wide card
     (reading-flow orders the columns); in DOM order where it is not supported. */
  .layout {
    display: grid;
    reading-flow: grid-columns;
    gap: calc(var(--_space) * 6);
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'pick' 'est' 'more';
  }
  .pick {
    grid-area: pick;
  }
  .estimate {
    grid-area: est;
  }
  .more {
    grid-area: more;
  }
  @container (min-inline-size: 42em) {
    .layout {
      grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
      grid-template-areas: 'pick est' 'more est';
      grid-template-rows: auto 1fr;
      align-items: start;
    }
    .estimate {
      position: sticky;
      inset-block-start: calc(var(--_space) * 4);
    }
  }
  .col {
    display: grid;
    gap: calc(var(--_space) * 4);
    min-inline-size: 0;
  }
  .skel .skeleton-block {
    block-size: 5em;
  }
  ${fieldsetStyles}
  .label {
    margin-block-end: calc(var(--_space) * 2);
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 1);
    min-inline-size: 0;
  }
  .field .label {
    margin: 0;
  }
  .input {
    inline-size: 100%;
    min-block-size: var(--_target);
    padding-block: calc(var(--_space) * 2);
    padding-inline: calc(var(--_space) * 3);
    border: 1px solid var(--_outline);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_on-surface);
  }
  .pills {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  /* Narrow: specialties in one row that scrolls sideways, so the choice stays short; the end
     fades out and the chips snap, so a cut chip reads as "more this way". */
  @container (max-inline-size: 42em) {
    #specialties {
      flex-wrap: nowrap;
      overflow-x: auto;
      padding: 4px;
      scrollbar-width: thin;
      scroll-snap-type: x proximity;
      mask-image: linear-gradient(to right, #000 calc(100% - 3em), transparent);
    }
    :host([dir='rtl']) #specialties {
      mask-image: linear-gradient(to left, #000 calc(100% - 3em), transparent);
    }
    #specialties .pill {
      flex: none;
      scroll-snap-align: start;
    }
    #specialties .pill:last-child {
      margin-inline-end: 2.5em;
    }
  }
  .option input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    inline-size: 100%;
    block-size: 100%;
    cursor: pointer;
  }
  .option:has(input:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .combo {
    position: relative;
  }
  .disc {
    margin: 0;
    font-size: 1em;
  }
  .disclose {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    inline-size: 100%;
    min-block-size: var(--_target);
    padding: calc(var(--_space) * 2) 0;
    border: 0;
    border-block-end: 1px solid var(--_outline-variant);
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .disclose::before {
    content: '▸';
    flex: none;
    transition: transform 0.15s;
  }
  :host([dir='rtl']) .disclose::before {
    transform: scaleX(-1);
  }
  .disclose[aria-expanded='true']::before,
  :host([dir='rtl']) .disclose[aria-expanded='true']::before {
    transform: rotate(90deg);
  }
  .disclose .amt {
    margin-inline-start: auto;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .short {
    display: grid;
    gap: calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .short .option {
    inline-size: 100%;
    justify-content: space-between;
    flex-wrap: wrap;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .short .option::before {
    display: none;
  }
  .panel {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding-block: calc(var(--_space) * 2);
  }
  @media (prefers-reduced-motion: reduce) {
    .disclose::before {
      transition: none;
    }
  }
  .option {
    position: relative;
    flex: none;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 3);
    min-block-size: var(--_target);
    padding-block: calc(var(--_space) * 2);
    padding-inline: calc(var(--_space) * 3);
    border: 1px solid var(--_outline-variant);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .option::before {
    content: '';
    flex: none;
    inline-size: 1.1em;
    block-size: 1.1em;
    border-radius: 50%;
    border: 2px solid var(--_outline);
  }
  .option:has(input:checked) {
    border-color: var(--_primary);
    border-width: 2px;
    background: var(--_surface-variant);
  }
  .option:has(input:checked)::before {
    border-color: var(--_primary);
    background: radial-gradient(circle, var(--_primary) 45%, transparent 50%);
  }
  .opt-text {
    display: grid;
    gap: 2px;
    min-inline-size: 0;
  }
  .opt-name {
    font-weight: 600;
  }
  .counts {
    display: grid;
    column-gap: calc(var(--_space) * 3);
    row-gap: calc(var(--_space) * 1);
    grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
  }
  /* Label, input and hint line up across the three counts even when a label wraps. */
  .count {
    grid-row: span 3;
    grid-template-rows: subgrid;
    align-items: end;
    margin-block-end: calc(var(--_space) * 2);
  }
  .count .hint {
    align-self: start;
  }
  .count .error {
    color: var(--_error);
    font-weight: 600;
  }
  .count [aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 3);
    min-block-size: var(--_target);
    padding-block: calc(var(--_space) * 2);
    cursor: pointer;
  }
  .check input {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0.15em 0 0;
    accent-color: var(--_primary);
  }
  .estimate {
    background: var(--_surface-variant);
    border-radius: var(--_radius-lg);
    padding: calc(var(--_space) * 3);
    align-content: start;
  }
  .breakdown {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  .total {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: calc(var(--_space) * 2);
    padding-block-start: calc(var(--_space) * 2);
    border-block-start: 2px solid var(--_on-surface);
    font-weight: 600;
  }
  .total strong {
    font-variant-numeric: tabular-nums;
    font-size: 1.4em;
    color: var(--_primary);
  }
  .cta {
    inline-size: 100%;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  @media (forced-colors: active) {
    .option:has(input:checked),
    .pill input:checked + span {
      outline: 2px solid CanvasText;
    }
  }
`;
