// A top-up: the methods the server offers (GET /billing/payment-methods), an order created with
// one, what to do next (QR code, checkout link, bank transfer instructions) and its status,
// re-read when the live balance says a top-up arrived (and every 10 s while it is pending).
import {get, post} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, field, select, notice, busy, money, when, copyButton} from '../ui.js';
import {onPush} from '../live.js';
import {paymentStatusLabel} from './billing-common.js';
import {qrSvg} from '../qr.js';

const ORDER = 'mr.order';

function instructions(p) {
  if (p.qr_code) {
    return h('div', {class: 'qr'}, qrSvg(p.qr_code, t('topup.scan')),
      h('p', {}, t(p.payment_method === 'wechat_pay' ? 'topup.scanwechat' : 'topup.scanalipay')));
  }
  if (p.checkout_url) {
    return h('p', {}, h('a', {class: 'button', href: p.checkout_url, target: '_blank', rel: 'noopener'}, t('topup.checkout')));
  }
  if (p.bank_transfer) {
    const b = p.bank_transfer;
    return h('dl', {class: 'bank', id: 'bank-instructions'},
      h('dt', {}, t('topup.bank')), h('dd', {}, b.bank_name),
      h('dt', {}, t('topup.accountname')), h('dd', {}, b.account_name),
      h('dt', {}, t('topup.accountnumber')), h('dd', {}, h('code', {}, b.account_number), ' ', copyButton(b.account_number)),
      h('dt', {}, t('topup.reference')), h('dd', {}, h('code', {id: 'bank-reference'}, b.reference), ' ', copyButton(b.reference)),
      h('dt', {}, t('topup.amount')), h('dd', {}, money(p.amount, p.currency)));
  }
  return null;
}

function order(p) {
  return h('div', {class: 'order', id: 'payment-order', 'data-status': p.status, 'data-payment-id': p.payment_id},
    h('p', {}, t('topup.order'), ' ', h('code', {}, p.payment_id), ' · ',
      h('span', {class: `badge ${p.status}`, id: 'payment-status'}, paymentStatusLabel(p.status))),
    h('p', {class: 'muted'}, t('topup.credit', {amount: money(p.credit_amount, p.credit_currency)}),
      p.expires_at && p.status === 'pending' ? ` · ${t('topup.expires', {at: when(p.expires_at)})}` : ''),
    p.status === 'pending' && instructions(p),
    p.failure && h('p', {class: 'notice bad'}, p.failure.message));
}

/** onChange(order) runs when this form creates an order or sees its status move (the orders list follows it). */
export function topUpForm(onChange = () => {}) {
  const host = h('div', {id: 'topup'});
  const status = h('div', {'aria-live': 'polite'});
  let current = null;
  let poll = null;
  const refresh = async () => {
    if (!current) return;
    try {
      const before = current.status;
      current = await get(`billing/payments/${current.payment_id}`);
      clear(status, order(current));
      if (before && before !== current.status) onChange(current);
      if (current.status !== 'pending') {
        clearInterval(poll);
        sessionStorage.removeItem(ORDER); // shown once more, then forgotten
      }
    } catch {
      // the next push or poll tries again
    }
  };
  // an order created earlier in this tab is followed again when the page reopens
  const kept = sessionStorage.getItem(ORDER);
  if (kept) {
    current = {payment_id: kept};
    refresh();
    poll = setInterval(refresh, 10000);
  }
  const off = onPush((msg) => {
    if (msg.topic === 'billing.updates' && msg.data?.kind === 'top_up') refresh();
  });
  get('billing/payment-methods').then((m) => {
    if (!m.items.length) {
      clear(host, h('p', {class: 'muted', id: 'topup-none'}, t('topup.none')));
      return;
    }
    const method = select(m.items.map((x) => [x.method, t(`method.${x.method}`)]), m.items[0].method, {id: 'topup-method'});
    const currency = select([], '', {id: 'topup-currency'});
    const amount = h('input', {type: 'number', id: 'topup-amount', min: 0.01, step: '0.01', inputmode: 'decimal', required: true});
    const limits = h('small', {class: 'hint'});
    const syncMethod = () => {
      const x = m.items.find((i) => i.method === method.value);
      currency.replaceChildren(...x.currencies.map((c) => h('option', {value: c}, c)));
      limits.textContent = t('topup.limits', {min: money(x.min_amount), max: money(x.max_amount)});
    };
    method.addEventListener('change', syncMethod);
    syncMethod();
    const note = notice();
    const submit = h('button', {type: 'submit', id: 'topup-submit'}, t('topup.create'));
    const form = h('form', {class: 'grid-form', id: 'topup-form'}, field(t('topup.method'), method),
      field(t('topup.amount'), amount, limits), field(t('topup.currency'), currency),
      h('div', {class: 'form-actions'}, submit), note);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!(Number(amount.value) > 0)) {
        note.show(t('topup.amountrequired'), 'bad');
        return;
      }
      busy(submit, note, async () => {
        current = await post('billing/payments', {amount: Number(amount.value), currency: currency.value,
          payment_method: method.value}, {headers: {'Idempotency-Key': `console-${crypto.randomUUID?.() || Date.now()}`}});
        sessionStorage.setItem(ORDER, current.payment_id);
        clear(status, order(current));
        onChange(current);
        clearInterval(poll);
        poll = setInterval(refresh, 10000);
      });
    });
    clear(host, form);
  }).catch((e) => clear(host, h('p', {class: 'notice bad'}, e.message)));
  return {form: h('div', {}, host, status), stop: () => {
    off();
    clearInterval(poll);
  }};
}
