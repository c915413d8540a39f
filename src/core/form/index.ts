/**
 * The form layer: the one way a widget builds a form. A lazy shared chunk (`chunks/form-*.js`,
 * with the submission queue), loaded only by widgets that show a form — import it dynamically
 * (`await import('../../core/form/index.js')`) or from a module that is itself loaded on demand.
 */
export { FormController, fieldProblem, validate, wireValue, type FieldKind, type FieldSpec, type FormOptions, type FormSpec } from './controller.js';
export { check, rulesOf, type FieldRules, type Problem } from './rules.js';
export { normalizeDigits, parseNumber, toE164 } from './digits.js';
export { problemText } from './messages.js';
export {
  consentField,
  consentRecord,
  errorSummary,
  field,
  fieldError,
  formStyles,
  honeypot,
  onInput,
  safeHttpUrl,
  submitStatus,
  textField,
  type ControlAria,
} from './view.js';
export { attribution } from '../attribution.js';
export { SubmitQueue, type SubmitEntry, type SubmitQueueOptions, type SubmitStatus } from '../submit/queue.js';
