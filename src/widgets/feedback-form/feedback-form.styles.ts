import { css } from 'lit';
import { fieldsetStyles } from '../../core/theme/fieldset.js';

/** Styles of `<prm-feedback-form>`: tokens only, logical properties. */
export const styles = css`
  :host {
    min-block-size: var(--prm-feedback-form-block-size, 56em);
  }
  :host([data-short]) {
    --prm-feedback-form-block-size: 0px;
  }
  /* The first view (score, aspects) renders before the form layer and its formStyles arrive (on
     the first touch): the same fieldset and legend rules here, or it drew browser fieldset
     borders and jumped when the layer came. */
  /* The box is the open form's (comment, date, reference: they come on the first touch), so they
     open inside it and nothing below moves: until then a calm preview of them fills the room and
     the send button sits at the foot, where it stays. (form.form: the form layer's sheet, adopted
     after this one on the first touch, makes .form a grid, which would spread the room over every
     row and move them all.) */
  form.form {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 4);
  }
  .later {
    flex: 1;
    display: grid;
    align-content: start;
    gap: calc(var(--_space) * 2);
  }
  .later > * {
    animation: none;
  }
  .later > .skeleton-line {
    inline-size: 40%;
  }
  .later > .skeleton-block {
    block-size: var(--_target);
    margin-block-end: calc(var(--_space) * 3);
  }
  .later > .tall {
    block-size: 7em;
  }
  .actions {
    margin-block-start: auto;
  }
  ${fieldsetStyles}
  .sub,
  .hint,
  .ends,
  .count {
    color: var(--_on-surface-variant);
    font-size: 0.875em;
  }
  .nps {
    display: grid;
    grid-template-columns: repeat(11, minmax(0, 1fr));
    gap: calc(var(--_space) * 1);
    max-inline-size: 40em;
  }
  .opt {
    position: relative;
    display: flex;
  }
  .opt input {
    position: absolute;
    inset: 0;
    opacity: 0;
    margin: 0;
    inline-size: 100%;
    block-size: 100%;
    cursor: pointer;
  }
  .opt span {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: 100%;
    min-inline-size: var(--_target);
    min-block-size: var(--_target);
    border: 1px solid var(--_outline);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-variant-numeric: tabular-nums;
  }
  .opt input:checked + span {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 700;
  }
  .opt input:focus-visible + span,
  .star input:focus-visible + span {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .ends {
    /* As wide as the scale above (40em of the widget's font, not of this smaller one). */
    max-inline-size: calc(40em / 0.875);
    display: flex;
    justify-content: space-between;
    gap: calc(var(--_space) * 2);
  }
  .ends .n {
    display: none;
  }
  .aspects {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  .aspect {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2);
  }
  .aspect legend {
    font-weight: 600;
    min-inline-size: 12em;
    float: inline-start;
  }
  .stars {
    display: inline-flex;
    gap: calc(var(--_space) * 1);
  }
  .star {
    position: relative;
    display: inline-flex;
  }
  .star input {
    position: absolute;
    inset: 0;
    opacity: 0;
    margin: 0;
    inline-size: 100%;
    block-size: 100%;
    cursor: pointer;
  }
  .star span {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    /* The target in the widget's em, the glyph larger: five stars fit a 320 px screen. */
    inline-size: calc(var(--_target) / 1.3);
    block-size: calc(var(--_target) / 1.3);
    font-size: 1.3em;
    color: var(--_outline);
    border-radius: var(--_radius);
  }
  .star span.on {
    color: var(--_primary);
  }
  .clear {
    min-block-size: var(--_target);
    background: none;
    border: 0;
    color: var(--_primary);
    text-decoration: underline;
    font: inherit;
    cursor: pointer;
  }
  .clear:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  .story {
    display: grid;
    gap: calc(var(--_space) * 3);
    border: 1px solid var(--_outline-variant);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 3);
  }
  .done {
    display: grid;
    gap: calc(var(--_space) * 4);
  }
  .done h2:focus {
    outline: none;
  }
  .wedid {
    display: grid;
    gap: calc(var(--_space) * 3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .wedid li {
    border-inline-start: 3px solid var(--_primary);
    padding-inline-start: calc(var(--_space) * 3);
    display: grid;
    gap: calc(var(--_space) * 1);
  }
  .said {
    color: var(--_on-surface-variant);
  }
  .summary {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: calc(var(--_space) * 1) calc(var(--_space) * 4);
    margin: 0;
  }
  .summary dt {
    font-weight: 600;
  }
  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  /* Eleven 2.75em targets and their gaps need about 36em: below that the scale takes two rows
     (0–5, 6–10), in the reading direction, instead of squeezing the targets onto each other. */
  @container (max-width: 36em) {
    .nps {
      grid-template-columns: repeat(6, minmax(0, 1fr));
    }
    /* Six columns share the width: at 320 px a 2.75em minimum per box (16.5em and the gaps, in
       about 15.5em) pushed the boxes onto each other and the sixth into the card's padding. Each
       is still about 2.3em (37 px) wide and 2.75em high, above the 24 px target. */
    .opt span {
      min-inline-size: 0;
    }
    /* Two rows put "Not at all likely" under 6 and "Extremely likely" under 10's row end: each
       end's words go by its own box, numbered: "0 – …" above the first row from 0's edge, and
       "10 – …" under the last row ending at 10's edge (mirrored in right-to-left). The fieldset is a grid:
       the two labels become its items around the scale. */
    .ends {
      display: contents;
    }
    .ends > :first-child {
      order: -1;
    }
    .ends > :last-child {
      justify-self: end;
      text-align: end;
      /* 10 is the second row's fifth box of six columns: end one column and its gap earlier. */
      margin-inline-end: calc((100% + var(--_space)) / 6);
    }
    .ends .n {
      display: inline;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }
`;
