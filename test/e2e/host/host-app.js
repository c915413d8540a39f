// The host clinic's own app, on its own copy of Lit (through an import map), beside our CDN copy.
import { LitElement, html } from 'lit';

class HostApp extends LitElement {
  render() {
    return html`<p>host app</p>`;
  }
}
customElements.define('host-app', HostApp);
