import { PrmApiError } from '../../core/api/errors.js';
import type { Story } from '../../core/contract/stories.js';
import { parseStaticStories, selectStories, type StoryFilters } from './static-stories.js';

/**
 * Static mode's source (a lazy part of the carousel: pages on the API never download it): fetches
 * the `src` file, validates it with the contract's StorySchema, and selects like GET /stories.
 * Failures are the API client's error kinds (network, timeout, http; invalid_response for a file
 * that does not validate, its message naming the first wrong place).
 */
export async function loadStaticStories(url: string, filters: StoryFilters, signal: AbortSignal): Promise<{ stories: Story[]; total: number; averageRating: number | null }> {
  const timeout = AbortSignal.timeout(10_000);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.any([signal, timeout]), credentials: 'omit' });
  } catch (err) {
    if (signal.aborted) throw new PrmApiError('aborted', 'Request aborted');
    throw new PrmApiError(timeout.aborted ? 'timeout' : 'network', `Could not load ${url}`, { cause: err });
  }
  if (!res.ok) throw broken(new PrmApiError('http', `${url} answered ${res.status}`, { status: res.status }));
  const parsed = parseStaticStories(await res.text(), url);
  if (!parsed.ok) throw broken(new PrmApiError('invalid_response', parsed.error));
  return selectStories(parsed.stories, filters);
}

/**
 * A file that is missing or does not validate will not change by trying again: the clinic's
 * website team reads what to fix in the console (as for a wrong clinic key), and the patient gets
 * "not available" with no retry (a 5xx, a timeout or being offline keep theirs).
 */
function broken(err: PrmApiError): PrmApiError {
  if (err.kind === 'invalid_response' || err.status! < 500) {
    console.error(`[prm-widgets] <prm-story-carousel src>: ${err.message}. Patients see "not available" until the file is fixed.`);
    // The carousel shows "not available" (no retry) for such an error.
    Object.assign(err, { final: true });
  }
  return err;
}
