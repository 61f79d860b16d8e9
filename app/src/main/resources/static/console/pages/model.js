// One model: its prices and description, its usage and latency over the last two weeks, and a
// "try it" box that calls it through /v1 with one of the user's keys, streaming the answer.
import {get, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, section, money, num, stat, card, table, daysAgo} from '../ui.js';
import {barLineChart, bucketLabel} from '../chart.js';
import {session} from '../session.js';
import {tryBox} from './try-it.js';

function usage(id) {
  const target = h('div', {id: 'model-usage'});
  if (!session()?.access) return h('p', {class: 'muted'}, t('model.signinforusage'));
  section(target, () => get(`statistics/models/${id}/usage${qs({granularity: 'day', start_date: daysAgo(13)})}`),
    (u) => h('div', {},
      h('div', {class: 'stats'}, stat(t('usage.calls'), num(u.totals.calls)),
        stat(t('usage.tokens'), num(u.totals.total_tokens)), stat(t('model.users'), num(u.users)),
        stat(t('model.errorrate'), `${(Number(u.error_rate || 0) * 100).toFixed(1)}%`)),
      barLineChart({title: t('model.usagechart'), labels: u.series.map((b) => bucketLabel(b.start, 'day')),
        bars: {name: t('usage.calls'), values: u.series.map((b) => b.calls)},
        line: {name: t('usage.tokens'), values: u.series.map((b) => b.prompt_tokens + b.completion_tokens)}}),
      h('h3', {}, t('model.latency')),
      latencyChart(u),
      table([
        {label: t('models.provider'), cell: (p) => p.provider},
        {label: t('usage.calls'), cell: (p) => num(p.calls), class: 'num'},
        {label: t('model.ttft'), cell: (p) => ms(p.latency_ms?.first_token_p50, p.latency_ms?.first_token_p95), class: 'num'},
        {label: t('model.total'), cell: (p) => ms(p.latency_ms?.total_p50, p.latency_ms?.total_p95), class: 'num'},
      ], u.providers, {emptyKey: 'model.nolatency'})));
  return target;
}

const ms = (p50, p95) => (p50 == null ? '—' : `${num(p50)} / ${num(p95)} ms`);

/** Daily p50 total latency (bars) and p95 (line) of the first provider that answered. */
function latencyChart(u) {
  const pick = (b, key) => {
    const p = (b.providers || []).find((x) => x.latency_ms?.[key] != null);
    return p ? p.latency_ms[key] : 0;
  };
  return barLineChart({title: t('model.latency'), labels: u.series.map((b) => bucketLabel(b.start, 'day')),
    bars: {name: 'p50 ms', values: u.series.map((b) => pick(b, 'total_p50'))},
    line: {name: 'p95 ms', values: u.series.map((b) => pick(b, 'total_p95'))}, shared: true});
}

export function render(main, provider, name) {
  const id = `${provider}/${name}`;
  const head = h('div', {id: 'model-head'});
  main.append(h('p', {}, h('a', {href: '#/models'}, `← ${t('nav.models')}`)), head);
  section(head, () => get(`models/${id}`, {anonymous: true}), (m) => h('div', {},
    h('h1', {}, m.name, ' ', h('span', {class: `badge ${m.status}`}, t(`models.status.${m.status}`))),
    h('p', {}, h('code', {}, m.id), ' · ', m.provider, ' · ', t(`category.${m.category}`), ' · ',
      t('model.context', {n: num(m.context_length)})),
    m.description && h('p', {}, m.description),
    h('div', {class: 'stats'},
      stat(t('model.input'), money(m.pricing.input_per_million, m.pricing.currency)),
      stat(t('model.output'), money(m.pricing.output_per_million, m.pricing.currency)),
      m.pricing.cache_read_per_million != null && stat(t('model.cacheread'), money(m.pricing.cache_read_per_million, m.pricing.currency))),
    h('p', {class: 'muted'}, t('models.pricenote'))));
  main.append(card(t('try.title'), session()?.access ? tryBox(id) : h('p', {}, h('a', {href: '#/login'}, t('try.signin')))));
  main.append(card(t('model.usage'), usage(id)));
}
