// Calls to the public API (/api/v1): the envelope unwrapped, errors thrown as ApiError, one
// token refresh when the access token has expired.
import {session, saveTokens, signOut} from './session.js';

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

let refreshing = null;

async function refresh() {
  const s = session();
  if (!s?.refresh) return false;
  refreshing ??= fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({refresh_token: s.refresh}),
  }).then(async (res) => {
    if (!res.ok) return false;
    const body = await res.json();
    saveTokens(body.data);
    return true;
  }).catch(() => false).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function send(method, path, body, token, headers) {
  const h = {Accept: 'application/json', ...headers};
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (token) h.Authorization = `Bearer ${token}`;
  return fetch(path, {method, headers: h, body: body === undefined ? undefined : JSON.stringify(body)});
}

/** Calls /api/v1 with the session's token; returns the envelope's data. */
export async function api(method, path, body, {headers, anonymous} = {}) {
  const url = path.startsWith('/') ? path : `/api/v1/${path}`;
  let res;
  try {
    res = await send(method, url, body, anonymous ? null : session()?.access, headers);
    if (res.status === 401 && !anonymous && session()?.refresh && await refresh()) {
      res = await send(method, url, body, session().access, headers);
    }
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e.message);
  }
  let envelope = null;
  try {
    envelope = await res.json();
  } catch {
    envelope = null;
  }
  if (res.ok && envelope?.success !== false) return envelope ? envelope.data : null;
  const err = envelope?.error || {};
  const error = new ApiError(res.status, err.code || `HTTP_${res.status}`, err.message, err.details);
  if (res.status === 401 && !anonymous && session()) signOut('signout.expired');
  if (err.code === 'USER_001' && !anonymous && session()) signOut('signout.suspended');
  throw error;
}

export const get = (path, opts) => api('GET', path, undefined, opts);
export const post = (path, body, opts) => api('POST', path, body ?? {}, opts);
export const put = (path, body, opts) => api('PUT', path, body ?? {}, opts);
export const del = (path, opts) => api('DELETE', path, undefined, opts);

/** A query string from an object, leaving out empty values. */
export function qs(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  });
  const s = q.toString();
  return s ? `?${s}` : '';
}
