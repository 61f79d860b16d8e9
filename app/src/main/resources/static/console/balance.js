// The balance as the dashboard and billing pages show it: read once over REST, then kept
// current by the live pushes of billing.updates (balance.snapshot, balance.changed).
import {get} from './api.js';
import {onPush} from './live.js';

/** A live snapshot carries no threshold: the one the REST answer gave is kept. */
function parse(b, previous) {
  const threshold = b.low_balance_threshold ?? previous?.low_balance_threshold;
  return {available: Number(b.available), on_hold: Number(b.on_hold), total: Number(b.total), currency: b.currency,
    low_balance_threshold: threshold === undefined || threshold === null ? null : Number(threshold)};
}

/**
 * Calls fn({available, on_hold, total, currency, low_balance_threshold}, why) now and on every change
 * (the threshold is the server's, below which it pushes a balance.low alert). Returns {stop, refresh}:
 * refresh(done) re-reads over REST until done(balance), for a change that is not pushed (a redemption
 * credit has no live push); it resolves when the page shows it.
 */
export function watchBalance(fn, onError) {
  let balance = null;
  let stopped = false;
  const emit = (why) => !stopped && balance && fn({...balance}, why);
  // a new user's account opens a moment after registration: until then the balance is ERR_004
  const read = (attempt) => get('billing/balance').then((b) => {
    if (balance) {
      // a live snapshot came first: it has the amounts, this answer the threshold
      balance.low_balance_threshold = parse(b).low_balance_threshold;
      emit('rest');
      return;
    }
    balance = parse(b);
    emit('rest');
  }).catch((e) => {
    if (e.code === 'ERR_004' && attempt < 15 && !stopped) setTimeout(() => read(attempt + 1), 1000);
    else onError?.(e);
  });
  read(0);
  // re-reads until done(balance) holds (the read model follows a write within moments), 20 tries at most
  const reread = async (done) => {
    for (let attempt = 0; attempt < 20 && !stopped; attempt++) {
      try {
        const b = parse(await get('billing/balance'), balance);
        if (done(b) || attempt === 19) {
          balance = b;
          emit('reread');
          return;
        }
      } catch (e) {
        if (e.code !== 'ERR_004') {
          onError?.(e);
          return;
        }
      }
      await new Promise((r) => setTimeout(r, 500 + attempt * 250));
    }
  };
  const off = onPush((msg) => {
    if (msg.topic !== 'billing.updates') return;
    const d = msg.data || {};
    if (msg.event === 'balance.snapshot') {
      balance = parse(d, balance);
    } else if (msg.event === 'balance.changed' && balance) {
      if (d.total !== undefined && d.total !== null) balance.total = Number(d.total);
      if (d.on_hold !== undefined && d.on_hold !== null) balance.on_hold = Number(d.on_hold);
      balance.available = +(balance.total - balance.on_hold).toFixed(8);
    } else {
      return;
    }
    emit(d.kind || 'snapshot');
  });
  return {
    stop: () => {
      stopped = true;
      off();
    },
    refresh: (done = () => true) => reread(done),
  };
}
