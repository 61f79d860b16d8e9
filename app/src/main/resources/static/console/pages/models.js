// The model catalog: prices, search, filters by provider and category, sorting, paging.
import {get, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, section, table, money, num, field, select, pager} from '../ui.js';

export const CATEGORIES = ['chat', 'reasoning', 'code', 'vision', 'embedding', 'image', 'audio'];

/** Every provider in the catalog (one page of 100 holds them all), for the filter. */
async function providers() {
  const seen = new Set();
  let page = 1;
  for (;;) {
    const data = await get(`models${qs({limit: 100, page})}`, {anonymous: true});
    data.items.forEach((m) => seen.add(m.provider));
    if (page * data.limit >= data.total) break;
    page += 1;
  }
  return [...seen].sort();
}

export function price(m) {
  const p = m.pricing || {};
  return `${money(p.input_per_million)} / ${money(p.output_per_million)}`;
}

export function render(main) {
  const state = {search: '', provider: '', category: '', sort_by: 'popularity', order: 'desc', page: 1};
  const list = h('div', {id: 'model-list'});
  const search = h('input', {type: 'search', name: 'search', id: 'model-search', placeholder: t('models.searchhint')});
  const provider = select([['', t('models.allproviders')]], '', {name: 'provider', id: 'model-provider'});
  const category = select([['', t('models.allcategories')], ...CATEGORIES.map((c) => [c, t(`category.${c}`)])], '',
    {name: 'category', id: 'model-category'});
  const sort = select([['popularity:desc', t('models.sort.popularity')], ['price:asc', t('models.sort.priceasc')],
    ['price:desc', t('models.sort.pricedesc')], ['name:asc', t('models.sort.name')]], 'popularity:desc',
  {name: 'sort', id: 'model-sort'});

  const load = () => section(list, () => get(`${state.search ? 'models/search' : 'models'}${qs({
    search: state.search, provider: state.provider, category: state.category, sort_by: state.sort_by,
    order: state.order, page: state.page, limit: 20})}`, {anonymous: true}), (data) => h('div', {},
    table([
      {label: t('models.model'), cell: (m) => h('span', {}, h('a', {href: `#/models/${m.id}`}, m.name), h('br'),
        h('code', {class: 'muted'}, m.id))},
      {label: t('models.provider'), cell: (m) => m.provider},
      {label: t('models.category'), cell: (m) => t(`category.${m.category}`)},
      {label: t('models.context'), cell: (m) => num(m.context_length), class: 'num'},
      {label: t('models.price', {currency: data.items[0]?.pricing?.currency || ''}), cell: price, class: 'num'},
      {label: t('models.status'), cell: (m) => h('span', {class: `badge ${m.status}`}, t(`models.status.${m.status}`))},
    ], data.items, {emptyKey: 'models.none', caption: t('nav.models')}),
    pager(data, (p) => {
      state.page = p;
      load();
    })));

  let debounce = null;
  search.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      state.search = search.value.trim();
      state.page = 1;
      load();
    }, 300);
  });
  provider.addEventListener('change', () => {
    state.provider = provider.value;
    state.page = 1;
    load();
  });
  category.addEventListener('change', () => {
    state.category = category.value;
    state.page = 1;
    load();
  });
  sort.addEventListener('change', () => {
    [state.sort_by, state.order] = sort.value.split(':');
    state.page = 1;
    load();
  });
  providers().then((names) => names.forEach((n) => provider.append(h('option', {value: n}, n)))).catch(() => {});

  main.append(h('h1', {}, t('nav.models')),
    h('form', {class: 'filters', role: 'search', onsubmit: (e) => e.preventDefault()},
      field(t('models.search'), search), field(t('models.provider'), provider),
      field(t('models.category'), category), field(t('models.sortby'), sort)),
    h('p', {class: 'muted'}, t('models.pricenote')), list);
  load();
  return () => clearTimeout(debounce);
}
