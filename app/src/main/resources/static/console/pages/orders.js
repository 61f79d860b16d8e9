// The user's top-up orders (GET /billing/payments): newest first, a status filter, paging; re-read
// when a top-up or a payment refund is pushed, and every 10 s while one on the page is pending.
import {get, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, section, table, money, when, field, select, pager} from '../ui.js';
import {onPush} from '../live.js';
import {paymentStatusLabel} from './billing-common.js';

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'expired', 'refunded'];

/** Where the payer finds the order again: a bank transfer's reference, else the order id. */
export function orderReference(p) {
  return p.bank_transfer ? h('code', {}, p.bank_transfer.reference) : h('code', {class: 'muted'}, p.payment_id);
}

export function paymentOrders() {
  const state = {status: '', page: 1};
  const list = h('div', {id: 'payment-orders'});
  const status = select([['', t('orders.allstatus')], ...PAYMENT_STATUSES.map((s) => [s, paymentStatusLabel(s)])], '',
    {id: 'orders-status'});
  let poll = null;
  let stopped = false;
  const read = () => get(`billing/payments${qs({...state, limit: 10})}`);
  const render = (page) => {
    clearTimeout(poll);
    if (!stopped && page.items.some((p) => p.status === 'pending')) poll = setTimeout(quiet, 10000);
    return h('div', {}, table([
      {label: t('orders.created'), cell: (p) => when(p.created_at)},
      {label: t('topup.method'), cell: (p) => t(`method.${p.payment_method}`)},
      {label: t('topup.amount'), cell: (p) => money(p.amount, p.currency), class: 'num'},
      {label: t('topup.creditlabel'), cell: (p) => money(p.credit_amount, p.credit_currency), class: 'num'},
      {label: t('keys.status'), cell: (p) => h('span', {class: `badge ${p.status}`}, paymentStatusLabel(p.status))},
      {label: t('orders.reference'), cell: orderReference},
    ], page.items, {emptyKey: 'orders.none', caption: t('orders.title'),
      rowAttrs: (p) => ({'data-payment-id': p.payment_id, 'data-status': p.status})}),
    pager(page, (n) => {
      state.page = n;
      load();
    }));
  };
  const load = () => section(list, read, render);
  // a re-read for live data replaces the rows without a spinner (nothing moves); a failure waits for the next one
  const quiet = () => read().then((page) => clear(list, render(page))).catch(() => {});
  // an order this page just created or saw move reaches the read model within moments: re-read until it shows
  const follow = async (order) => {
    for (let attempt = 0; attempt < 10 && !stopped; attempt++) {
      const page = await read().catch(() => null);
      if (page && (attempt === 9 || page.items.some((p) => p.payment_id === order.payment_id && p.status === order.status))) {
        clear(list, render(page));
        return;
      }
      await new Promise((r) => setTimeout(r, 300 + attempt * 200));
    }
  };
  status.addEventListener('change', () => {
    Object.assign(state, {status: status.value, page: 1});
    load();
  });
  // the payments read model follows the balance's push by moments: read a little later
  let pushed = null;
  const off = onPush((msg) => {
    if (msg.topic !== 'billing.updates' || !['top_up', 'payment_refund'].includes(msg.data?.kind)) return;
    clearTimeout(pushed);
    pushed = setTimeout(quiet, 800);
  });
  load();
  return {
    node: h('div', {}, h('div', {class: 'filters compact'}, field(t('keys.status'), status)), list),
    follow,
    stop: () => {
      stopped = true;
      off();
      clearTimeout(poll);
      clearTimeout(pushed);
    },
  };
}
