/**
 * Contact details a patient gave in one widget, offered to another widget on the same page (the
 * quote calculator's lead form → the booking scheduler's details form), so nobody types their
 * name twice. Kept in this module's memory only, keyed by the submission's reference: never in
 * storage, never in an event's `detail` (events reach analytics tools, personal data does not).
 * Gone when the page goes.
 */
export interface ContactHandoff {
  name: string;
  email: string;
  phone?: string | undefined;
  /** ISO 3166-1 alpha-2. */
  country?: string | undefined;
}

const byReference = new Map<string, ContactHandoff>();

/** Offers `contact` to other widgets of this page under `reference` (e.g. a quote's `Q-7K3F9M`). */
export function offerContact(reference: string, contact: ContactHandoff): void {
  byReference.set(reference, { ...contact });
}

/** The contact offered under `reference`, if any. */
export function contactFor(reference: string | undefined): ContactHandoff | undefined {
  return reference ? byReference.get(reference) : undefined;
}
