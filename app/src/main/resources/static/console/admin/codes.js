// Admin: issue a batch of redemption codes (shown only in this answer) for users to redeem.
import {post} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, field, notice, busy, card, money, when, copyButton} from '../ui.js';

export function render(main) {
  const amount = h('input', {type: 'number', id: 'codes-amount', min: 0.01, step: '0.01', value: 10});
  const count = h('input', {type: 'number', id: 'codes-count', min: 1, max: 1000, value: 1});
  const expires = h('input', {type: 'date', id: 'codes-expires'});
  const out = h('div', {'aria-live': 'polite'});
  const note = notice();
  const submit = h('button', {type: 'submit', id: 'codes-submit'}, t('admin.codes.create'));
  const form = h('form', {class: 'grid-form'}, field(t('topup.amount'), amount), field(t('admin.codes.count'), count),
    field(t('keys.expires'), expires), h('div', {class: 'form-actions'}, submit), note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = {amount: Number(amount.value), count: Number(count.value)};
    if (expires.value) body.expires_at = new Date(`${expires.value}T23:59:59`).toISOString();
    busy(submit, note, async () => {
      const b = await post('admin/redemption-codes', body);
      clear(out, h('div', {class: 'secret', role: 'alert'},
        h('p', {}, h('strong', {}, t('admin.codes.once', {count: b.count, amount: money(b.amount, b.currency)})),
          b.expires_at ? ` ${t('topup.expires', {at: when(b.expires_at)})}` : ''),
        h('pre', {id: 'codes-list'}, b.codes.join('\n')), copyButton(b.codes.join('\n'))));
    });
  });
  main.append(h('h1', {}, t('nav.admin.codes')), card(null, h('p', {class: 'muted'}, t('admin.codes.help')), form, out));
}
