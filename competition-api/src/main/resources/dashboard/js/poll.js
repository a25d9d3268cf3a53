// Follows a JSON resource by asking for it again and again with If-None-Match: while it has not changed, each ask
// costs a 304 and no body. Callers see only "a new answer" and "the connection's state" (the keys of the page's
// connection line), so a server-sent event stream can take the place of the polling without them noticing.

/** How often a followed resource is asked for again. */
export const POLL_MS = 2000;

/**
 * Asks for `url` at once and then every `period` ms, calling `onAnswer(body)` when it has a new version (its ETag
 * changed) and `onState(key)` after every ask: 'live', 'reconnecting' (the server could not be reached or failed;
 * the next ask retries) or 'unavailable' (404: the resource is not public). Returns the handle that stops it; an
 * answer arriving after the stop is dropped.
 */
export function follow(url, { onAnswer, onState = () => {}, period = POLL_MS }) {
  let etag = null;
  let timer = null;
  let stopped = false;
  const aborts = new AbortController();

  async function ask() {
    try {
      const headers = { Accept: 'application/json' };
      if (etag) {
        headers['If-None-Match'] = etag;
      }
      // no-store: the answers are public for a second (Cache-Control), but a poll must reach the server.
      const response = await fetch(url, { headers, cache: 'no-store', signal: aborts.signal });
      if (response.ok) {
        const body = await response.json();
        etag = response.headers.get('ETag');
        if (!stopped) {
          onAnswer(body);
        }
      }
      if (!stopped) {
        onState(stateOf(response.status));
      }
    } catch (failure) {
      if (!stopped) {
        onState('reconnecting');
      }
    }
    if (!stopped) {
      timer = setTimeout(ask, period);
    }
  }

  ask();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      aborts.abort();
    },
  };
}

function stateOf(status) {
  if (status === 404) {
    return 'unavailable';
  }
  return status === 304 || (status >= 200 && status < 300) ? 'live' : 'reconnecting';
}
