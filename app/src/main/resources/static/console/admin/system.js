// Admin: the system dashboard: users, revenue, refunds, consumption and errors today, over 7 and
// 30 days; the top models and users; open holds; every event processor's lag.
import {get} from '../api.js';
import {t} from '../i18n.js';
import {h, section, table, money, num, stat, card} from '../ui.js';
import {processorsTable} from './processors.js';

export function render(main) {
  const out = h('div', {id: 'admin-dashboard'});
  main.append(h('h1', {}, t('nav.admin.system')), out);
  section(out, () => get('admin/statistics/dashboard'), (d) => {
    const first = d.windows[0];
    return h('div', {},
      h('div', {class: 'stats'}, stat(t('admin.sys.users'), num(d.total_users)),
        stat(t('admin.sys.holds'), `${num(d.open_holds.open)} · ${money(d.open_holds.amount, d.open_holds.currency)}`),
        stat(t('admin.sys.head'), num(d.event_log_head))),
      card(t('admin.sys.windows'), table([
        {label: t('admin.sys.window'), cell: (w) => t(`admin.sys.window.${w.name}`)},
        {label: t('admin.sys.newusers'), cell: (w) => num(w.users.new_users), class: 'num'},
        {label: t('admin.sys.active'), cell: (w) => num(w.users.active), class: 'num'},
        {label: t('admin.sys.revenue'), cell: (w) => `${money(w.revenue.amount, w.revenue.currency)} (${num(w.revenue.count)})`, class: 'num'},
        {label: t('admin.sys.refunds'), cell: (w) => `${money(w.refunds.amount, w.refunds.currency)} (${num(w.refunds.count)})`, class: 'num'},
        {label: t('usage.calls'), cell: (w) => num(w.consumption.calls), class: 'num'},
        {label: t('usage.spend'), cell: (w) => money(w.consumption.spend, w.consumption.currency), class: 'num'},
        {label: t('admin.sys.errors'), cell: (w) => num(w.errors), class: 'num'},
      ], d.windows)),
      first && h('div', {class: 'two'},
        card(t('admin.sys.topmodels', {window: t(`admin.sys.window.${first.name}`)}), table([
          {label: t('models.model'), cell: (s) => s.id},
          {label: t('usage.calls'), cell: (s) => num(s.calls), class: 'num'},
          {label: t('usage.spend'), cell: (s) => money(s.spend, s.currency), class: 'num'},
        ], first.top_models, {emptyKey: 'usage.none'})),
        card(t('admin.sys.topusers', {window: t(`admin.sys.window.${first.name}`)}), table([
          {label: t('field.email'), cell: (u) => u.email || u.user_id},
          {label: t('usage.calls'), cell: (u) => num(u.usage.calls), class: 'num'},
          {label: t('usage.spend'), cell: (u) => money(u.usage.spend, u.usage.currency), class: 'num'},
        ], first.top_users, {emptyKey: 'usage.none'}))),
      card(t('nav.admin.processors'), processorsTable(d.processors, null)));
  });
}
