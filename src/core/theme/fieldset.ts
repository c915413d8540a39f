import { css } from 'lit';

/**
 * Groups of choices: a borderless `<fieldset>` laid out as a grid, its `<legend>` (and a field's
 * `.label`) in the label style. Shared by the form layer and the first views that show a group
 * before the form chunk arrives (the feedback form's score, the quote calculator's options), so it
 * lives in the runtime.
 */
export const fieldsetStyles = css`
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  legend,
  .label {
    font-weight: 600;
    padding: 0;
  }
  legend {
    margin-block-end: calc(var(--_space) * 2);
  }
`;
