// Billing: the live balance, a redemption code, a top-up with the offered methods (its order's
// status followed live), the user's top-up orders, and the transactions with filters, paging and
// a CSV export.
import {get, post, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, section, table, money, when, field, select, notice, busy, card, pager, failure} from '../ui.js';
import {watchBalance} from '../balance.js';
import {TX_TYPES, txTypeLabel} from './billing-common.js';
import {topUpForm} from './topup.js';
import {paymentOrders} from './orders.js';

/** onRedeemed runs after a credit: redemptions are not pushed live, so the page re-reads. */
function redeemForm(onRedeemed) {
  const code = h('input', {type: 'text', name: 'code', id: 'redeem-code', autocomplete: 'off', required: true});
  const note = notice();
  const submit = h('button', {type: 'submit', id: 'redeem-submit'}, t('billing.redeem'));
  const form = h('form', {class: 'inline-form', id: 'redeem-form'}, field(t('billing.code'), code), submit, note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!code.value.trim()) {
      note.show(t('billing.coderequired'), 'bad');
      return;
    }
    busy(submit, note, async () => {
      const r = await post('billing/redemptions', {code: code.value.trim()});
      note.show(t('billing.redeemed', {amount: money(r.amount, r.currency), after: money(r.balance_after, r.currency)}));
      code.value = '';
      onRedeemed(r);
    });
  });
  return form;
}

function csv(rows) {
  const cols = ['created_at', 'type', 'amount', 'currency', 'balance_after', 'request_id', 'model', 'api_key_id',
    'prompt_tokens', 'completion_tokens', 'description'];
  const cell = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n');
}

function transactions() {
  const state = {type: '', start_date: '', end_date: '', page: 1};
  const list = h('div', {id: 'transactions'});
  const type = select([['', t('tx.alltypes')], ...TX_TYPES.map((x) => [x, txTypeLabel(x)])], '', {id: 'tx-type'});
  const start = h('input', {type: 'date', id: 'tx-start'});
  const end = h('input', {type: 'date', id: 'tx-end'});
  const note = notice();
  const exportButton = h('button', {type: 'button', class: 'secondary', id: 'tx-export'}, t('tx.export'));
  const load = () => section(list, () => get(`billing/transactions${qs({...state, limit: 20})}`), (page) => h('div', {},
    table([
      {label: t('tx.time'), cell: (r) => when(r.created_at)},
      {label: t('tx.type'), cell: (r) => txTypeLabel(r.type)},
      {label: t('tx.amount'), cell: (r) => h('span', {class: Number(r.amount) < 0 ? 'neg' : 'pos'}, money(r.amount, r.currency)), class: 'num'},
      {label: t('tx.after'), cell: (r) => money(r.balance_after), class: 'num'},
      {label: t('tx.detail'), cell: (r) => (r.model ? `${r.model} · ${r.prompt_tokens ?? 0}+${r.completion_tokens ?? 0} tok` : r.description || '')},
      {label: t('tx.request'), cell: (r) => (r.request_id && r.type === 'consumption'
        ? h('a', {href: `#/usage?request=${encodeURIComponent(r.request_id)}`}, t('tx.call')) : '')},
    ], page.items, {emptyKey: 'tx.none', caption: t('billing.transactions')}),
    pager(page, (p) => {
      state.page = p;
      load();
    })));
  const apply = (e) => {
    e.preventDefault();
    Object.assign(state, {type: type.value, start_date: start.value, end_date: end.value, page: 1});
    load();
  };
  exportButton.addEventListener('click', () => busy(exportButton, note, async () => {
    const rows = [];
    for (let page = 1; ; page++) {
      const data = await get(`billing/transactions${qs({...state, page, limit: 100})}`);
      rows.push(...data.items);
      if (page * data.limit >= data.total || page >= 50) break;
    }
    const url = URL.createObjectURL(new Blob([csv(rows)], {type: 'text/csv'}));
    const a = h('a', {href: url, download: `transactions-${new Date().toISOString().slice(0, 10)}.csv`});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }));
  load();
  return {node: h('div', {},
    h('form', {class: 'filters', onsubmit: apply}, field(t('tx.type'), type), field(t('tx.from'), start),
      field(t('tx.to'), end), h('div', {class: 'form-actions'}, h('button', {type: 'submit'}, t('action.filter')), exportButton)),
    note, list), reload: load};
}

export function render(main) {
  const avail = h('strong', {class: 'stat-value', id: 'billing-available'}, '—');
  const hold = h('strong', {class: 'stat-value'}, '—');
  const total = h('strong', {class: 'stat-value'}, '—');
  const balanceBox = h('div', {class: 'stats'},
    h('div', {class: 'stat'}, h('span', {class: 'stat-label'}, t('balance.available')), avail),
    h('div', {class: 'stat'}, h('span', {class: 'stat-label'}, t('balance.onhold')), hold),
    h('div', {class: 'stat'}, h('span', {class: 'stat-label'}, t('balance.total')), total));
  const tx = transactions();
  let pending = null;
  const reloadTx = () => {
    clearTimeout(pending);
    pending = setTimeout(tx.reload, 600);
  };
  const balance = watchBalance((b, why) => {
    avail.textContent = money(b.available, b.currency);
    hold.textContent = money(b.on_hold, b.currency);
    total.textContent = money(b.total, b.currency);
    if (!['rest', 'reread', 'snapshot', 'hold'].includes(why)) reloadTx();
  }, (e) => clear(balanceBox, failure(e)));
  const orders = paymentOrders();
  const topUp = topUpForm(orders.follow);
  main.append(h('h1', {}, t('nav.billing')), balanceBox,
    h('div', {class: 'two'}, card(t('billing.redeemtitle'), redeemForm((r) => balance.refresh((b) => b.total >= Number(r.balance_after)).then(tx.reload))), card(t('billing.topup'), topUp.form)),
    card(t('orders.title'), orders.node), card(t('billing.transactions'), tx.node));
  return () => {
    balance.stop();
    topUp.stop();
    orders.stop();
    clearTimeout(pending);
  };
}
