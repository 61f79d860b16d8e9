// The signed-in user's token pair, kept in localStorage so a reload stays signed in.
const KEY = 'mr.session';
const listeners = new Set();

let current = load();

function load() {
  try {
    return JSON.parse(localStorage.getItem(KEY)) || null;
  } catch {
    return null;
  }
}

export function session() {
  return current;
}

export function isAdmin() {
  return current?.user?.role === 'admin';
}

export function saveTokens(tokens) {
  current = {...(current || {}), access: tokens.access_token, refresh: tokens.refresh_token};
  localStorage.setItem(KEY, JSON.stringify(current));
}

export function saveUser(user) {
  current = {...(current || {}), user};
  localStorage.setItem(KEY, JSON.stringify(current));
  listeners.forEach((fn) => fn(current));
}

/** Forgets the session; reason (an i18n key) is shown on the sign-in page. */
export function signOut(reason) {
  current = null;
  localStorage.removeItem(KEY);
  sessionStorage.removeItem('mr.keys');
  if (reason) sessionStorage.setItem('mr.signout', reason);
  listeners.forEach((fn) => fn(null));
}

export function takeSignOutReason() {
  const reason = sessionStorage.getItem('mr.signout');
  sessionStorage.removeItem('mr.signout');
  return reason;
}

export function onSessionChange(fn) {
  listeners.add(fn);
}

// API key secrets created in this tab, for the "try it" box (the API shows a secret only once).
export function rememberKey(id, name, secret) {
  const keys = rememberedKeys().filter((k) => k.id !== id);
  keys.push({id, name, secret});
  sessionStorage.setItem('mr.keys', JSON.stringify(keys));
}

export function forgetKey(id) {
  sessionStorage.setItem('mr.keys', JSON.stringify(rememberedKeys().filter((k) => k.id !== id)));
}

export function rememberedKeys() {
  try {
    return JSON.parse(sessionStorage.getItem('mr.keys')) || [];
  } catch {
    return [];
  }
}
