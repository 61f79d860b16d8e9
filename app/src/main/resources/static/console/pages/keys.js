// API keys: the list, creating one (its secret shown once, with a copy button), limits, revoking.
import {get, post, put, del, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, section, table, when, money, field, notice, busy, copyButton, confirmButton, card, pager, toast} from '../ui.js';
import {rememberKey, forgetKey} from '../session.js';

function limitsText(k) {
  const l = k.spend_limit || {};
  const parts = [];
  if (l.total != null) parts.push(`${t('keys.total')} ${money(l.total)}`);
  if (l.daily != null) parts.push(`${t('keys.daily')} ${money(l.daily)}`);
  if (l.monthly != null) parts.push(`${t('keys.monthly')} ${money(l.monthly)}`);
  if (k.rate_limit_per_hour != null) parts.push(t('keys.ratevalue', {n: k.rate_limit_per_hour}));
  return parts.length ? parts.join(' · ') : t('keys.nolimits');
}

const numberInput = (name, value) => h('input', {type: 'number', name, min: 0, step: 'any', inputmode: 'decimal', value: value ?? ''});
const amount = (input) => (input.value === '' ? null : Number(input.value));

function limitsEditor(k, done) {
  const l = k.spend_limit || {};
  const total = numberInput('total', l.total);
  const daily = numberInput('daily', l.daily);
  const monthly = numberInput('monthly', l.monthly);
  const rate = h('input', {type: 'number', name: 'rate', min: 1, step: 1, value: k.rate_limit_per_hour ?? ''});
  const note = notice();
  const save = h('button', {type: 'submit'}, t('action.save'));
  const form = h('form', {class: 'inline-form limits-form'},
    field(t('keys.total'), total), field(t('keys.daily'), daily), field(t('keys.monthly'), monthly),
    field(t('keys.rate'), rate), save,
    h('button', {type: 'button', class: 'secondary', onclick: () => done(false)}, t('action.cancel')), note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(save, note, async () => {
      await put(`users/me/api-keys/${k.id}/limits`, {
        spend_limit: {total: amount(total), daily: amount(daily), monthly: amount(monthly)},
        rate_limit_per_hour: rate.value === '' ? null : Number(rate.value)});
      toast(t('keys.limitssaved'));
      done(true);
    });
  });
  setTimeout(() => total.focus());
  return form;
}

export function render(main) {
  const list = h('div', {id: 'key-list'});
  const created = h('div', {id: 'key-created', 'aria-live': 'polite'});
  const showRevoked = h('input', {type: 'checkbox', id: 'show-revoked'});
  let page = 1;

  const load = () => section(list, () => get(`users/me/api-keys${qs({page, limit: 20, include_revoked: showRevoked.checked})}`),
    (data) => h('div', {}, table([
      {label: t('keys.name'), cell: (k) => h('span', {}, h('strong', {}, k.name), h('br'), h('code', {}, `${k.prefix}…`))},
      {label: t('keys.permissions'), cell: (k) => k.permissions.map((p) => t(`keys.perm.${p}`)).join(', ')},
      {label: t('keys.status'), cell: (k) => h('span', {class: `badge ${k.status}`}, t(`keys.status.${k.status}`))},
      {label: t('keys.limits'), cell: (k) => limitsText(k)},
      {label: t('keys.lastused'), cell: (k) => when(k.last_used_at)},
      {label: t('keys.expires'), cell: (k) => when(k.expires_at)},
      {label: '', cell: (k) => k.status !== 'active' ? '' : h('span', {class: 'row-actions'},
        h('button', {type: 'button', class: 'secondary', onclick: (e) => {
          const row = e.target.closest('tr');
          const editor = h('tr', {class: 'editor-row'}, h('td', {colspan: 7}, limitsEditor(k, (changed) => (changed ? load() : editor.remove()))));
          row.after(editor);
        }}, t('keys.setlimits')),
        confirmButton(t('keys.revoke'), t('keys.revokeconfirm'), async () => {
          await del(`users/me/api-keys/${k.id}`);
          forgetKey(k.id);
          toast(t('keys.revoked'));
          load();
        }))},
    ], data.items, {emptyKey: 'keys.none', caption: t('nav.keys')}), data.total > data.limit && pager(data, (p) => {
      page = p;
      load();
    })));
  showRevoked.addEventListener('change', () => {
    page = 1;
    load();
  });

  const name = h('input', {type: 'text', name: 'name', required: true, maxlength: 100, id: 'key-name'});
  const read = h('input', {type: 'checkbox', name: 'read', checked: true});
  const write = h('input', {type: 'checkbox', name: 'write', checked: true});
  const expires = h('input', {type: 'date', name: 'expires_at'});
  const total = numberInput('total');
  const daily = numberInput('daily');
  const monthly = numberInput('monthly');
  const rate = h('input', {type: 'number', name: 'rate', min: 1, step: 1});
  const note = notice();
  const submit = h('button', {type: 'submit', id: 'key-create'}, t('keys.create'));
  const form = h('form', {class: 'grid-form', id: 'key-form'},
    field(t('keys.name'), name),
    h('fieldset', {class: 'field'}, h('legend', {}, t('keys.permissions')),
      h('label', {class: 'check'}, read, t('keys.perm.read')), h('label', {class: 'check'}, write, t('keys.perm.write'))),
    field(t('keys.expires'), expires, t('keys.expireshint')),
    field(t('keys.total'), total), field(t('keys.daily'), daily), field(t('keys.monthly'), monthly),
    field(t('keys.rate'), rate), h('div', {class: 'form-actions'}, submit), note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!name.value.trim()) {
      note.show(t('keys.namerequired'), 'bad');
      name.focus();
      return;
    }
    const permissions = [read.checked && 'read', write.checked && 'write'].filter(Boolean);
    const body = {name: name.value.trim(), permissions};
    if (expires.value) body.expires_at = new Date(`${expires.value}T23:59:59`).toISOString();
    const limits = {total: amount(total), daily: amount(daily), monthly: amount(monthly)};
    if (Object.values(limits).some((v) => v !== null)) body.spend_limit = limits;
    if (rate.value) body.rate_limit_per_hour = Number(rate.value);
    busy(submit, note, async () => {
      const key = await post('users/me/api-keys', body);
      rememberKey(key.id, key.name, key.key);
      clear(created, h('div', {class: 'secret', role: 'alert'},
        h('p', {}, h('strong', {}, t('keys.secretonce'))),
        h('div', {class: 'secret-row'}, h('code', {id: 'key-secret'}, key.key), copyButton(key.key)),
        h('p', {class: 'muted'}, t('keys.remembered'))));
      form.reset();
      load();
    });
  });

  main.append(h('h1', {}, t('nav.keys')), created,
    card(t('keys.create'), form),
    card(t('keys.yours'), h('label', {class: 'check'}, showRevoked, t('keys.showrevoked')), list));
  load();
}
