// Admin: bank transfers awaiting confirmation. The API offers no list of pending orders, so an
// order is looked up by the id (or the reference) the payer quotes; then confirmed with what
// arrived, or refunded.
import {get, post} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, money, when, field, notice, busy, card} from '../ui.js';
import {paymentStatusLabel} from '../pages/billing-common.js';

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

export function render(main) {
  const id = h('input', {type: 'text', id: 'payment-lookup', placeholder: 'pay_…', autocomplete: 'off'});
  const out = h('div', {'aria-live': 'polite'});
  const note = notice();
  const find = h('button', {type: 'submit', id: 'payment-find'}, t('admin.pay.find'));
  const read = () => get(`billing/payments/${encodeURIComponent(id.value.trim())}`);
  const lookup = async () => {
    const p = await read();
    clear(out, details(p, settled));
  };
  // after a confirmation the order's read model follows within moments: re-read until it has moved on
  const settled = async () => {
    let p = await read();
    for (let attempt = 0; p.status === 'pending' && attempt < 20; attempt++) {
      await new Promise((r) => setTimeout(r, 500 + attempt * 250));
      p = await read();
    }
    clear(out, details(p, settled));
  };
  const form = h('form', {class: 'inline-form', id: 'payment-lookup-form'}, field(t('admin.pay.id'), id, t('admin.pay.idhint')), find, note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (id.value.trim()) busy(find, note, lookup);
  });
  main.append(h('h1', {}, t('nav.admin.payments')), card(null, h('p', {class: 'muted'}, t('admin.pay.help')), form, out));
  id.focus();
}
