// The leaderboard: models ranked by calls, tokens or spend in a day, week, month or year, by
// category, with each model's move against the previous period.
import {get, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, section, table, num, money, field, select} from '../ui.js';
import {CATEGORIES} from './models.js';

function change(rc) {
  if (rc === null || rc === undefined) return h('span', {class: 'rank new', title: t('board.new')}, t('board.new'));
  if (rc > 0) return h('span', {class: 'rank up', 'aria-label': t('board.up', {n: rc})}, `▲ ${rc}`);
  if (rc < 0) return h('span', {class: 'rank down', 'aria-label': t('board.down', {n: -rc})}, `▼ ${-rc}`);
  return h('span', {class: 'rank same', 'aria-label': t('board.same')}, '–');
}

export function render(main) {
  const state = {period: 'day', metric: 'calls', category: ''};
  const list = h('div', {id: 'leaderboard'});
  const tabs = h('div', {class: 'tabs', role: 'tablist', 'aria-label': t('board.period')});
  const periods = ['day', 'week', 'month', 'year'];
  const drawTabs = () => tabs.replaceChildren(...periods.map((p) => h('button', {type: 'button', role: 'tab',
    'aria-selected': String(p === state.period), id: `period-${p}`, onclick: () => {
      state.period = p;
      drawTabs();
      load();
    }}, t(`board.${p}`))));
  const metric = select(['calls', 'tokens', 'spend'].map((m) => [m, t(`board.metric.${m}`)]), 'calls', {id: 'board-metric'});
  const category = select([['', t('models.allcategories')], ...CATEGORIES.map((c) => [c, t(`category.${c}`)])], '',
    {id: 'board-category'});
  metric.addEventListener('change', () => {
    state.metric = metric.value;
    load();
  });
  category.addEventListener('change', () => {
    state.category = category.value;
    load();
  });
  const load = () => section(list, () => get(`statistics/leaderboard${qs({...state, limit: 20})}`, {anonymous: true}),
    (b) => table([
      {label: t('board.rank'), cell: (e) => h('strong', {}, `#${e.rank}`), class: 'num'},
      {label: t('board.change'), cell: (e) => change(e.rank_change)},
      {label: t('models.model'), cell: (e) => h('a', {href: `#/models/${e.model_id}`}, e.name)},
      {label: t('models.provider'), cell: (e) => e.provider},
      {label: t('usage.calls'), cell: (e) => num(e.calls), class: 'num'},
      {label: t('usage.tokens'), cell: (e) => num(e.total_tokens), class: 'num'},
      {label: t('usage.spend'), cell: (e) => money(e.spend, e.currency), class: 'num'},
      {label: t('board.users'), cell: (e) => num(e.users), class: 'num'},
    ], b.items, {emptyKey: 'board.none', caption: t('nav.leaderboard')}));
  drawTabs();
  main.append(h('h1', {}, t('nav.leaderboard')), tabs,
    h('div', {class: 'filters'}, field(t('board.metric'), metric), field(t('models.category'), category)), list);
  load();
}
