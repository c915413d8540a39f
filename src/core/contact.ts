/**
 * Deep links that hand a patient over to the clinic on another channel, with a prefilled
 * message carrying context (a quote or booking reference). Pure functions: the widget renders
 * them as `<a href>` through Lit bindings (they are http(s), tel: or mailto: only).
 */

/** WhatsApp chat with `phone` (E.164; only its digits are used) and `text` prefilled. */
export function whatsappLink(phone: string, text?: string): string {
  const q = text ? `?text=${encodeURIComponent(text)}` : '';
  return `https://wa.me/${phone.replace(/\D/g, '')}${q}`;
}

/** Telegram chat with `username` (with or without `@`) and `text` prefilled. */
export function telegramLink(username: string, text?: string): string {
  const q = text ? `?text=${encodeURIComponent(text)}` : '';
  return `https://t.me/${encodeURIComponent(username.replace(/^@/, ''))}${q}`;
}

/** A phone call to `phone` (E.164; spaces and punctuation dropped). */
export function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** An email to `email` with `subject` and `body` prefilled (encoded, so no header can be injected). */
export function mailtoLink(email: string, o: { subject?: string; body?: string } = {}): string {
  const q = [o.subject ? `subject=${encodeURIComponent(o.subject)}` : '', o.body ? `body=${encodeURIComponent(o.body)}` : ''].filter(Boolean).join('&');
  return `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}${q ? `?${q}` : ''}`;
}
