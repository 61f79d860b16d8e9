// Admin: issue a batch of redemption codes (shown only in this answer) for users to redeem, and the
// batches issued so far with how many of their codes were redeemed (GET /admin/redemption-codes).
import {get, post, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, field, notice, busy, card, money, num, when, copyButton, section, table, pager} from '../ui.js';

function batches() {
  let page = 1;
  const list = h('div', {id: 'code-batches'});
  const read = () => get(`admin/redemption-codes${qs({page, limit: 20})}`);
  const render = (p) => h('div', {}, table([
    {label: t('admin.codes.issuedat'), cell: (b) => when(b.created_at)},
    {label: t('admin.codes.batch'), cell: (b) => h('code', {}, b.batch_id)},
    {label: t('topup.amount'), cell: (b) => money(b.amount, b.currency), class: 'num'},
    {label: t('admin.codes.issued'), cell: (b) => num(b.issued), class: 'num'},
    {label: t('admin.codes.redeemed'), cell: (b) => num(b.redeemed), class: 'num'},
    {label: t('keys.expires'), cell: (b) => (!b.expires_at ? t('admin.codes.noexpiry')
      : new Date(b.expires_at) < new Date() ? t('admin.codes.expired', {at: when(b.expires_at)}) : when(b.expires_at))},
  ], p.items, {emptyKey: 'admin.codes.none', caption: t('admin.codes.batches'), rowAttrs: (b) => ({'data-batch-id': b.batch_id})}),
  pager(p, (n) => {
    page = n;
    load();
  }));
  const load = () => section(list, read, render);
  // a batch just issued reaches the list within moments: re-read (no spinner) until it is there
  const awaitBatch = async (batchId) => {
    page = 1;
    for (let attempt = 0; attempt < 20; attempt++) {
      const p = await read().catch(() => null);
      if (p && (p.items.some((b) => b.batch_id === batchId) || attempt === 19)) {
        clear(list, render(p));
        return;
      }
      await new Promise((r) => setTimeout(r, 300 + attempt * 200));
    }
  };
  load();
  return {node: list, awaitBatch};
}

export function render(main) {
  const amount = h('input', {type: 'number', id: 'codes-amount', min: 0.01, step: '0.01', value: 10});
  const count = h('input', {type: 'number', id: 'codes-count', min: 1, max: 1000, value: 1});
  const expires = h('input', {type: 'date', id: 'codes-expires'});
  const out = h('div', {'aria-live': 'polite'});
  const note = notice();
  const submit = h('button', {type: 'submit', id: 'codes-submit'}, t('admin.codes.create'));
  const form = h('form', {class: 'grid-form'}, field(t('topup.amount'), amount), field(t('admin.codes.count'), count),
    field(t('keys.expires'), expires), h('div', {class: 'form-actions'}, submit), note);
  const issued = batches();
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
      issued.awaitBatch(b.batch_id);
    });
  });
  main.append(h('h1', {}, t('nav.admin.codes')), card(null, h('p', {class: 'muted'}, t('admin.codes.help')), form, out),
    card(t('admin.codes.batches'), issued.node));
}
