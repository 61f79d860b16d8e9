// Admin: the reconciliation check: every balance recomputed from the event log and compared with
// the read model, every money flow matched from both sides.
import {get, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, section, table, money, num, stat, card, when, select, field} from '../ui.js';

/** A flow counter's name in words; one the dictionary does not know yet is shown as it is spelled. */
function flowName(key) {
  const text = t(`admin.ledger.flow.${key}`);
  return text === `admin.ledger.flow.${key}` ? key.replace(/_/g, ' ') : text;
}

export function render(main) {
  const out = h('div', {id: 'ledger-check'});
  const grace = select([['PT5M', t('admin.ledger.grace5')], ['PT0S', t('admin.ledger.grace0')]], 'PT5M', {id: 'ledger-grace'});
  const run = () => section(out, () => get(`admin/audit/ledger-check${qs({grace: grace.value})}`), (c) => h('div', {},
    h('div', {class: 'stats'},
      stat(t('admin.ledger.balanced'), c.balanced ? t('yes') : t('no'), {class: `stat-value ${c.balanced ? 'pos' : 'neg'}`}),
      stat(t('admin.ledger.reconciled'), c.reconciled ? t('yes') : t('no'), {class: `stat-value ${c.reconciled ? 'pos' : 'neg'}`}),
      stat(t('admin.ledger.accounts'), num(c.accounts_checked)), stat(t('admin.ledger.events'), num(c.events_read)),
      stat(t('admin.ledger.total'), money(c.total_balance, c.currency))),
    h('p', {class: 'muted'}, t('admin.ledger.at', {at: when(c.checked_at)})),
    h('h3', {}, t('admin.ledger.flows')),
    h('dl', {class: 'details'}, Object.entries(c.flows || {}).map(([k, v]) => [h('dt', {}, flowName(k)), h('dd', {}, num(v))])),
    h('h3', {}, t('admin.ledger.mismatches')),
    table([
      {label: t('admin.ledger.account'), cell: (m) => h('code', {}, m.account_id)},
      {label: t('admin.ledger.problem'), cell: (m) => m.problem},
      {label: t('admin.ledger.fromevents'), cell: (m) => money(m.from_events), class: 'num'},
      {label: t('admin.ledger.readmodel'), cell: (m) => money(m.read_model), class: 'num'},
    ], c.mismatches, {emptyKey: 'admin.ledger.nomismatch'}),
    h('h3', {}, t('admin.ledger.breaks')),
    table([
      {label: t('admin.ledger.kind'), cell: (b) => b.kind},
      {label: t('admin.ledger.account'), cell: (b) => h('code', {}, b.account_id || '')},
      {label: t('admin.ledger.ids'), cell: (b) => [b.payment_id, b.refund_id, b.hold_id].filter(Boolean).join(' ')},
      {label: t('admin.ledger.problem'), cell: (b) => b.problem || b.detail || JSON.stringify(b)},
    ], c.breaks, {emptyKey: 'admin.ledger.nobreak'})));
  main.append(h('h1', {}, t('nav.admin.ledger')), card(null, h('p', {class: 'muted'}, t('admin.ledger.help')),
    h('form', {class: 'filters', onsubmit: (e) => {
      e.preventDefault();
      run();
    }}, field(t('admin.ledger.grace'), grace), h('div', {class: 'form-actions'}, h('button', {type: 'submit', id: 'ledger-run'}, t('admin.ledger.run')))),
    out));
  run();
}
