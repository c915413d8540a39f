import { VERSION } from './version.js';

/**
 * Guarded define: a tag is defined once per page, whatever the number of copies of the SDK
 * (the loader twice, an npm build beside the CDN one). A clash between versions is a warning,
 * never an exception.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): CustomElementConstructor {
  const existing = customElements.get(tag);
  if (existing) {
    const theirs = (existing as unknown as { version?: string }).version;
    if (existing !== ctor && theirs !== VERSION) {
      console.warn(
        `[prm-widgets] <${tag}> is already defined${theirs ? ` by prm-widgets ${theirs}` : ' by another script'}; keeping that definition (this copy is ${VERSION}).`,
      );
    }
    return existing;
  }
  customElements.define(tag, ctor);
  return ctor;
}
