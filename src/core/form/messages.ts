import { msg, str } from '@lit/localize';
import type { FieldKind } from './controller.js';
import type { Problem } from './rules.js';

/**
 * The message a patient reads for a refused value: it states the limit ("at most 200
 * characters"), in the widget's language, with numbers in its digits.
 */
export function problemText(p: Problem, o: { kind?: FieldKind | undefined; locale: string; requiredText?: (() => string) | undefined; invalidText?: (() => string) | undefined }): string {
  const n = (v: number) => new Intl.NumberFormat(o.locale).format(v);
  switch (p.code) {
    case 'required':
      if (o.requiredText) return o.requiredText();
      return o.kind === 'consent' ? msg('Please tick the box to let the clinic process your health data.') : msg('Please fill in this field.');
    case 'tooLong':
      return msg(str`Please use at most ${n(p.max)} characters.`);
    case 'tooShort':
      return msg(str`Please use at least ${n(p.min)} characters.`);
    case 'tooBig':
      return msg(str`Please enter a number no greater than ${n(p.max)}.`);
    case 'tooSmall':
      return msg(str`Please enter a number no less than ${n(p.min)}.`);
    case 'notInteger':
      return msg('Please enter a whole number.');
  }
  if (o.invalidText) return o.invalidText();
  if (o.kind === 'email') return msg('Please enter an email address like name@example.com.');
  if (o.kind === 'tel') return msg('Please enter the number with its country code, like +44 20 7946 0958.');
  return msg('Please check this field.');
}
