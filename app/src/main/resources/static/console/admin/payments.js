// Admin: bank transfers awaiting confirmation (GET /admin/payments?status=pending&method=bank_transfer),
// each opened to be confirmed with what arrived; any other order is looked up by the id the payer quotes.
import {get, post, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, money, when, field, notice, busy, card, section, table, pager} from '../ui.js';
import {paymentStatusLabel} from '../pages/billing-common.js';
import {orderReference} from '../pages/orders.js';

function details(p, reload) {
  const row = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
  const amount = h('input', {type: 'number', id: 'confirm-amount', step: 'any', min: 0, value: p.amount});
  const currency = h('input', {type: 'text', id: 'confirm-currency', value: p.currency, size: 4});
  const reference = h('input', {type: 'text', id: 'confirm-reference', placeholder: t('admin.pay.statementhint')});
  const note = notice();
  const confirm = h('button', {type: 'submit', id: 'confirm-submit'}, t('admin.pay.confirm'));
  const form = h('form', {class: 'inline-form', id: 'confirm-form'}, field(t('topup.amount'), amount),
    field(t('topup.currency'), currency), field(t('admin.pay.statement'), reference), confirm, note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(confirm, note, async () => {
      await post(`admin/payments/${p.payment_id}/confirm`, {amount: Number(amount.value), currency: currency.value.trim(),
        bank_reference: reference.value.trim() || undefined});
      note.show(t('admin.pay.confirmed'));
      await reload();
    });
  });
  return h('div', {id: 'admin-payment', 'data-status': p.status},
    h('dl', {class: 'details'},
      row(t('topup.order'), h('code', {}, p.payment_id)), row(t('admin.pay.user'), h('code', {}, p.user_id)),
      row(t('topup.method'), t(`method.${p.payment_method}`)),
      row(t('keys.status'), h('span', {class: `badge ${p.status}`, id: 'admin-payment-status'}, paymentStatusLabel(p.status))),
      row(t('topup.amount'), money(p.amount, p.currency)), row(t('topup.creditlabel'), money(p.credit_amount, p.credit_currency)),
      p.bank_transfer && row(t('topup.reference'), h('code', {}, p.bank_transfer.reference)),
      row(t('admin.pay.created'), when(p.created_at)), row(t('admin.pay.expires'), when(p.expires_at)),
      p.paid_at && row(t('admin.pay.paid'), when(p.paid_at))),
    p.status === 'pending' && p.payment_method === 'bank_transfer' ? form
      : p.status === 'pending' ? h('p', {class: 'muted'}, t('admin.pay.notbank')) : null);
}

/** The transfers awaiting confirmation, newest first; open(p) shows one with its confirm form. */
function pendingTransfers(open) {
  let page = 1;
  const list = h('div', {id: 'pending-transfers'});
  const load = () => section(list, () => get(`admin/payments${qs({status: 'pending', method: 'bank_transfer', page, limit: 20})}`),
    (data) => h('div', {}, table([
      {label: t('admin.pay.created'), cell: (p) => when(p.created_at)},
      {label: t('admin.pay.user'), cell: (p) => h('code', {}, p.user_id)},
      {label: t('topup.amount'), cell: (p) => money(p.amount, p.currency), class: 'num'},
      {label: t('orders.reference'), cell: orderReference},
      {label: t('admin.pay.expires'), cell: (p) => when(p.expires_at)},
      {label: '', cell: (p) => h('button', {type: 'button', class: 'secondary', 'data-payment-id': p.payment_id,
        onclick: () => open(p)}, t('admin.pay.open'))},
    ], data.items, {emptyKey: 'admin.pay.nonepending', caption: t('admin.pay.pending'),
      rowAttrs: (p) => ({'data-payment-id': p.payment_id})}),
    pager(data, (n) => {
      page = n;
      load();
    })));
  load();
  return {node: list, reload: load};
}

export function render(main) {
  const id = h('input', {type: 'text', id: 'payment-lookup', placeholder: 'pay_…', autocomplete: 'off'});
  const out = h('div', {'aria-live': 'polite'});
  const note = notice();
  const find = h('button', {type: 'submit', id: 'payment-find'}, t('admin.pay.find'));
  let shown = null;
  const read = () => get(`billing/payments/${encodeURIComponent(shown)}`);
  const show = (p) => {
    shown = p.payment_id;
    clear(out, details(p, settled));
  };
  const lookup = async () => {
    shown = id.value.trim();
    show(await read());
  };
  // after a confirmation the order's read model follows within moments: re-read until it has moved on
  const settled = async () => {
    let p = await read();
    for (let attempt = 0; p.status === 'pending' && attempt < 20; attempt++) {
      await new Promise((r) => setTimeout(r, 500 + attempt * 250));
      p = await read();
    }
    show(p);
    pending.reload();
  };
  const pending = pendingTransfers((p) => {
    show(p);
    out.scrollIntoView?.({block: 'nearest'});
    document.getElementById('confirm-amount')?.focus();
  });
  const form = h('form', {class: 'inline-form', id: 'payment-lookup-form'}, field(t('admin.pay.id'), id, t('admin.pay.idhint')), find, note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (id.value.trim()) busy(find, note, lookup);
  });
  main.append(h('h1', {}, t('nav.admin.payments')), card(t('admin.pay.pending'), h('p', {class: 'muted'}, t('admin.pay.help')),
    pending.node, out), card(t('admin.pay.lookup'), form));
}
