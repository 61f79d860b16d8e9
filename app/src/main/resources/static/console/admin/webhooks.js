// Admin: refused payment notifications (bad signature, unknown order, ...), newest first.
import {get, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, section, table, when, field, select, card, pager} from '../ui.js';

export function render(main) {
  const state = {provider: '', page: 1};
  const list = h('div', {id: 'admin-webhooks'});
  const provider = select([['', t('admin.hooks.all')], ['stripe', 'Stripe'], ['alipay', t('method.alipay')],
    ['wechat_pay', t('method.wechat_pay')]], '', {id: 'hook-provider'});
  const load = () => section(list, () => get(`admin/webhooks/refused${qs({...state, limit: 20})}`), (p) => h('div', {}, table([
    {label: t('admin.hooks.at'), cell: (w) => when(w.received_at)},
    {label: t('models.provider'), cell: (w) => w.provider},
    {label: t('admin.hooks.reason'), cell: (w) => w.reason},
    {label: t('admin.hooks.from'), cell: (w) => w.remote_address},
    {label: t('admin.hooks.body'), cell: (w) => h('code', {class: 'excerpt'}, w.body_excerpt || '')},
  ], p.items, {emptyKey: 'admin.hooks.none'}), pager(p, (n) => {
    state.page = n;
    load();
  })));
  provider.addEventListener('change', () => {
    Object.assign(state, {provider: provider.value, page: 1});
    load();
  });
  main.append(h('h1', {}, t('nav.admin.webhooks')), card(null, h('div', {class: 'filters'}, field(t('models.provider'), provider)), list));
  load();
}
