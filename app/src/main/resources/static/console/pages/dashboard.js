// The dashboard: live balance, spend today and this month, 14 days of spend and calls, the
// latest transactions, and a warning when the balance runs low.
import {get, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, section, money, num, stat, card, table, when, daysAgo, day, failure} from '../ui.js';
import {barLineChart, bucketLabel} from '../chart.js';
import {watchBalance} from '../balance.js';
import {onPush} from '../live.js';
import {txTypeLabel} from './billing-common.js';

export function render(main) {
  const avail = h('strong', {class: 'stat-value', id: 'balance-available'}, '—');
  const hold = h('strong', {class: 'stat-value', id: 'balance-on-hold'}, '—');
  const today = h('strong', {class: 'stat-value', id: 'spend-today'}, '—');
  const month = h('strong', {class: 'stat-value', id: 'spend-month'}, '—');
  const alert = h('div', {class: 'alert-slot', id: 'low-balance'});
  const chart = h('div', {class: 'chart-slot', id: 'dashboard-chart'});
  const recent = h('div', {id: 'recent-transactions'});
  const stats = h('div', {class: 'stats'},
    h('div', {class: 'stat'}, h('span', {class: 'stat-label'}, t('balance.available')), avail),
    h('div', {class: 'stat'}, h('span', {class: 'stat-label'}, t('balance.onhold')), hold),
    h('div', {class: 'stat'}, h('span', {class: 'stat-label'}, t('dashboard.today')), today),
    h('div', {class: 'stat'}, h('span', {class: 'stat-label'}, t('dashboard.month')), month));
  main.append(h('h1', {}, t('nav.dashboard')), alert, stats,
    card(t('dashboard.chart'), chart),
    card(t('dashboard.recent'), recent, h('p', {}, h('a', {href: '#/billing'}, t('dashboard.alltx')))),
    h('p', {class: 'actions'}, h('a', {class: 'button', href: '#/billing'}, t('billing.topup')),
      h('a', {class: 'button secondary', href: '#/keys'}, t('keys.create')),
      h('a', {class: 'button secondary', href: '#/models'}, t('nav.models'))));

  const balance = watchBalance((b) => {
    avail.textContent = money(b.available, b.currency);
    hold.textContent = money(b.on_hold, b.currency);
    avail.dataset.value = String(b.available);
    // the server's threshold (GET /billing/balance): the banner and the live balance.low alert agree
    const low = b.low_balance_threshold;
    clear(alert, low !== null && b.available < low && h('p', {class: 'notice warn', role: 'alert'},
      t('dashboard.low', {threshold: money(low, b.currency)}), ' ', h('a', {href: '#/billing'}, t('billing.topup'))));
  }, (e) => clear(alert, failure(e)));

  const loadSpend = () => {
    const first = new Date();
    first.setDate(1);
    get(`statistics/users/me/usage${qs({granularity: 'hour'})}`).then((u) => {
      today.textContent = money(u.totals.spend, u.totals.currency);
    }).catch(() => (today.textContent = '—'));
    // no end_date: the server's today, a calendar day of the statistics' time zone (Asia/Shanghai by
    // default), which is a day ahead of the browser's for part of every day elsewhere
    get(`statistics/users/me/usage${qs({granularity: 'day', start_date: day(first)})}`)
      .then((u) => (month.textContent = money(u.totals.spend, u.totals.currency)))
      .catch(() => (month.textContent = '—'));
    section(chart, () => get(`statistics/users/me/usage${qs({granularity: 'day', start_date: daysAgo(13)})}`),
      (u) => barLineChart({title: t('dashboard.chart'), labels: u.series.map((b) => bucketLabel(b.start, 'day')),
        bars: {name: t('usage.calls'), values: u.series.map((b) => b.calls)},
        line: {name: t('usage.spend'), values: u.series.map((b) => b.spend)}}));
  };
  const loadRecent = () => section(recent, () => get(`billing/transactions${qs({limit: 5})}`), (page) => table([
    {label: t('tx.time'), cell: (r) => when(r.created_at)},
    {label: t('tx.type'), cell: (r) => txTypeLabel(r.type)},
    {label: t('tx.amount'), cell: (r) => money(r.amount, r.currency), class: 'num'},
    {label: t('tx.after'), cell: (r) => money(r.balance_after), class: 'num'},
  ], page.items, {emptyKey: 'tx.none'}));
  loadSpend();
  loadRecent();

  let timer = null;
  const offPush = onPush((msg) => {
    if (msg.topic !== 'billing.updates' || msg.event !== 'balance.changed' || msg.data?.kind === 'hold') return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      loadRecent();
      loadSpend();
    }, 800);
  });
  return () => {
    balance.stop();
    offPush();
    clearTimeout(timer);
  };
}
