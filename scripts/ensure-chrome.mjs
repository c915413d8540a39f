#!/usr/bin/env node
// Finds a Chrome/Chromium for the browser tests: CHROME_PATH, then the usual install paths.
// When none is found on Debian/Ubuntu as root, installs Debian's `chromium` (saying so);
// otherwise says exactly how to get one. Prints the path found.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    console.warn(`CHROME_PATH=${process.env.CHROME_PATH} does not exist; looking elsewhere.`);
  }
  return CANDIDATES.find((p) => existsSync(p));
}

export function ensureChrome() {
  let path = findChrome();
  if (path) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('No Chrome/Chromium found: installing Debian\'s chromium (apt-get update && apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core'], { stdio: 'inherit', env });
    path = findChrome();
    if (path) return path;
  }
  console.error(
    [
      'No Chrome or Chromium found for the browser tests.',
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
      '  macOS:          install Google Chrome, or brew install --cask chromium',
      '  Elsewhere:      install Chrome/Chromium and set CHROME_PATH=/path/to/chrome',
    ].join('\n'),
  );
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Chromium: ${ensureChrome()}`);
}
