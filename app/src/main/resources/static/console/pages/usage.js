// Usage: the caller's calls, tokens and spend over a range, by model and by key, as a chart and
// tables; and one call's details by its request id (the generation lookup).
import {get, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, section, table, money, num, field, select, notice, busy, card, daysAgo, when, stat} from '../ui.js';
import {barLineChart, bucketLabel} from '../chart.js';

function slices(rows, name) {
  return table([
    {label: name.label, cell: (s) => name.cell(s)},
    {label: t('usage.calls'), cell: (s) => num(s.calls), class: 'num'},
    {label: t('usage.prompt'), cell: (s) => num(s.prompt_tokens), class: 'num'},
    {label: t('usage.completion'), cell: (s) => num(s.completion_tokens), class: 'num'},
    {label: t('usage.spend'), cell: (s) => money(s.spend, s.currency), class: 'num'},
  ], rows, {emptyKey: 'usage.none'});
}

function generation(g) {
  const row = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
  return h('dl', {class: 'details', id: 'generation'},
    row(t('gen.id'), h('code', {}, g.id)), row(t('models.model'), g.model), row(t('models.provider'), g.provider || '—'),
    row(t('gen.outcome'), t(`gen.outcome.${g.outcome}`)),
    row(t('usage.tokens'), `${num(g.usage.prompt_tokens)} + ${num(g.usage.completion_tokens)} = ${num(g.usage.total_tokens)}`),
    row(t('gen.cost'), money(g.cost, g.currency)), row(t('gen.charged'), money(g.charged, g.currency)),
    row(t('gen.latency'), `${num(g.latency_ms)} ms`),
    g.time_to_first_token_ms != null && row(t('model.ttft'), `${num(g.time_to_first_token_ms)} ms`),
    row(t('gen.streamed'), g.streamed ? t('yes') : t('no')), row(t('tx.time'), when(g.created_at)),
    g.fallbacks?.length && row(t('gen.fallbacks'), g.fallbacks.join('; ')),
    g.failure && row(t('gen.failure'), g.failure),
    row(t('gen.ledger'), g.ledger_entries.map((e) => `${e.kind} ${money(e.amount, e.currency)}`).join(' → ')));
}

export function render(main, query) {
  const start = h('input', {type: 'date', id: 'usage-start', value: daysAgo(6)});
  // empty: up to the server's today, a calendar day of the statistics' time zone (Asia/Shanghai by
  // default), which is a day ahead of the browser's for part of every day elsewhere
  const end = h('input', {type: 'date', id: 'usage-end'});
  const granularity = select([['day', t('usage.byday')], ['hour', t('usage.byhour')]], 'day', {id: 'usage-granularity'});
  const out = h('div', {id: 'usage'});
  const keyNames = get(`users/me/api-keys${qs({limit: 100, include_revoked: true})}`)
    .then((p) => Object.fromEntries(p.items.map((k) => [k.id, k.name]))).catch(() => ({}));
  const load = () => section(out, async () => [await get(`statistics/users/me/usage${qs({granularity: granularity.value,
    start_date: start.value, end_date: end.value})}`), await keyNames], ([u, names]) => h('div', {},
    h('div', {class: 'stats'}, stat(t('usage.calls'), num(u.totals.calls)), stat(t('usage.tokens'), num(u.totals.total_tokens)),
      stat(t('usage.spend'), money(u.totals.spend, u.totals.currency))),
    barLineChart({title: t('usage.chart'), labels: u.series.map((b) => bucketLabel(b.start, u.granularity)),
      bars: {name: t('usage.calls'), values: u.series.map((b) => b.calls)},
      line: {name: t('usage.spend'), values: u.series.map((b) => b.spend)}}),
    h('div', {class: 'two'},
      h('div', {}, h('h3', {}, t('usage.bymodel')), slices(u.by_model, {label: t('models.model'),
        cell: (s) => h('a', {href: `#/models/${s.id}`}, s.id)})),
      h('div', {}, h('h3', {}, t('usage.bykey')), slices(u.by_key, {label: t('usage.key'),
        cell: (s) => (s.id ? names[s.id] || s.id : t('usage.nokey'))})))));
  const form = h('form', {class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    load();
  }}, field(t('tx.from'), start), field(t('tx.to'), end), field(t('usage.granularity'), granularity),
  h('div', {class: 'form-actions'}, h('button', {type: 'submit'}, t('action.show'))));

  const requestId = h('input', {type: 'text', id: 'generation-id', placeholder: 'chatcmpl-…', value: query?.get('request') || ''});
  const genOut = h('div', {'aria-live': 'polite'});
  const note = notice();
  const lookup = h('button', {type: 'submit'}, t('gen.lookup'));
  const genForm = h('form', {class: 'inline-form'}, field(t('gen.requestid'), requestId), lookup, note);
  genForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!requestId.value.trim()) return;
    busy(lookup, note, async () => clear(genOut, generation(await get(`generations/${encodeURIComponent(requestId.value.trim())}`))));
  });

  main.append(h('h1', {}, t('nav.usage')), card(null, form, out), card(t('gen.title'), genForm, genOut));
  load();
  if (requestId.value) genForm.requestSubmit();
}
