/**
 * The Chromium flags every headless run of ours uses (web-test-runner, the e2e harness, the
 * benchmark, screenshots): DEVELOPERS.md's list, in one place.
 */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
