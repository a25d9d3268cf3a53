// Calls to the API with the judge's bearer token: refreshed once on a 401, the chosen language as Accept-Language.
// No cookies are sent (credentials 'omit'), so a 401 never makes the browser ask for a password by itself.
// The tokens live in sessionStorage: they survive a reload of the tab, not the closing of the browser.

import { acceptLanguage } from './i18n.js';

const SESSION_KEY = 'jingsai.judge.session';

/** The server answered with an error: status and its problem document (field errors in problem.errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The field errors of a 400/409: [{field, rule, message}]. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** No answer came: the request may or may not have reached the server. */
export class NetworkError extends Error {
}

let session = readSession();
let refreshing = null;

function readSession() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY));
  } catch (notJson) {
    return null;
  }
}

function keep(next) {
  session = next;
  if (next) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
  } else {
    sessionStorage.removeItem(SESSION_KEY);
  }
}

export function signedIn() {
  return session !== null;
}

async function send(method, path, body, headers, bearer) {
  const all = { Accept: 'application/json, application/problem+json', 'Accept-Language': acceptLanguage(), ...headers };
  if (body !== undefined) {
    all['Content-Type'] = 'application/json';
  }
  if (bearer) {
    all.Authorization = `Bearer ${bearer}`;
  }
  try {
    return await fetch(path, {
      method, headers: all, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store',
    });
  } catch (lost) {
    throw new NetworkError(lost.message);
  }
}

async function read(response) {
  const text = await response.text().catch(() => '');
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (notJson) {
    return null;
  }
}

/**
 * One call: resolves to {status, body, etag, replayed}, or throws ApiError (an answer that is not 2xx) or
 * NetworkError (no answer). A 401 refreshes the token once and sends the same request again (with the same
 * Idempotency-Key, if any, so that it is still safe).
 */
export async function request(method, path, { body, headers = {} } = {}) {
  let response = await send(method, path, body, headers, session?.accessToken);
  if (response.status === 401 && session?.refreshToken && await refresh()) {
    response = await send(method, path, body, headers, session?.accessToken);
  }
  const content = await read(response);
  if (!response.ok) {
    if (response.status === 401) {
      keep(null);
    }
    throw new ApiError(response.status, content);
  }
  return {
    status: response.status,
    body: content,
    etag: response.headers.get('ETag'),
    replayed: response.headers.get('Idempotent-Replayed') === 'true',
  };
}

/** The version in an ETag ("3" → 3). */
export function versionOf(etag) {
  return etag ? Number(etag.replace(/^W\//, '').replaceAll('"', '')) : null;
}

function refresh() {
  refreshing ??= (async () => {
    try {
      const response = await send('POST', '/api/auth/refresh', { refreshToken: session.refreshToken }, {}, null);
      if (!response.ok) {
        keep(null);
        return false;
      }
      const token = await read(response);
      keep({ ...session, accessToken: token.accessToken, refreshToken: token.refreshToken });
      return true;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Signs in; resolves to whether the one-time password must be changed first. */
export async function signIn(username, password) {
  keep(null);
  const answer = await request('POST', '/api/auth/token', { body: { username, password } });
  keep({ username, accessToken: answer.body.accessToken, refreshToken: answer.body.refreshToken });
  return answer.body.passwordChangeRequired === true;
}

/** Changes the password; the server then ends every session of the account, so sign in again with the new one. */
export async function changePassword(username, currentPassword, newPassword) {
  await request('POST', '/api/account/password', { body: { currentPassword, newPassword } });
  return signIn(username, newPassword);
}

export async function signOut() {
  if (session) {
    await request('POST', '/api/auth/logout').catch(() => null);
  }
  keep(null);
}
