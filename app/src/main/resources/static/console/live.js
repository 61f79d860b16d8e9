// The live connection to /ws (docs/websocket.md): authenticates with the session's token,
// subscribes to the user's balance and alerts, reconnects after a drop, and signs the user out
// when the server says the account was suspended.
import {session, signOut} from './session.js';

const handlers = new Set();
const statusHandlers = new Set();
let socket = null;
let retry = 0;
let timer = null;
let pinger = null;
let lastAt = null;
let wanted = false;

/** fn(message) for every push ({type:'event', topic, event, data}). Returns an unsubscribe function. */
export function onPush(fn) {
  handlers.add(fn);
  return () => handlers.delete(fn);
}

/** fn(status): 'connecting' | 'live' | 'offline'. */
export function onLiveStatus(fn) {
  statusHandlers.add(fn);
}

function status(s) {
  statusHandlers.forEach((fn) => fn(s));
}

export function connectLive() {
  wanted = true;
  if (socket || !session()?.access) return;
  status('connecting');
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const ws = new WebSocket(url);
  socket = ws;
  ws.onopen = () => ws.send(JSON.stringify({action: 'auth', token: session()?.access}));
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.type === 'ack' && msg.action === 'auth') {
      retry = 0;
      status('live');
      const since = lastAt ? {since: lastAt} : {};
      ws.send(JSON.stringify({action: 'subscribe', topic: 'billing.updates', ...since}));
      ws.send(JSON.stringify({action: 'subscribe', topic: 'system.alerts'}));
      clearInterval(pinger);
      pinger = setInterval(() => ws.readyState === 1 && ws.send('{"action":"ping"}'), 240000);
    }
    if (msg.type === 'event') {
      if (msg.at) lastAt = msg.at;
      handlers.forEach((fn) => fn(msg));
    }
  };
  ws.onclose = (e) => {
    clearInterval(pinger);
    if (socket === ws) socket = null;
    status('offline');
    if (e.code === 4403) {
      wanted = false;
      signOut(e.reason?.startsWith('APIKEY') ? 'signout.expired' : 'signout.suspended');
      return;
    }
    if (!wanted) return;
    // 4401: the access token expired; the next REST call refreshes it, then we come back
    const delay = Math.min(30000, 1000 * 2 ** retry++);
    clearTimeout(timer);
    timer = setTimeout(connectLive, delay);
  };
}

export function disconnectLive() {
  wanted = false;
  clearTimeout(timer);
  clearInterval(pinger);
  lastAt = null;
  if (socket) {
    const s = socket;
    socket = null;
    s.close(1000, 'signed out');
  }
  status('offline');
}
