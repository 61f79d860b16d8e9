// Admin: users with search, filters and sorting; suspend or reactivate one (with a reason).
import {get, put, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, section, table, money, num, when, field, select, card, pager, confirmButton, toast} from '../ui.js';

/** The user list is a read model: wait (up to ~6 s) until it shows the new status before redrawing. */
async function shown(u, status) {
  for (let attempt = 0; attempt < 12; attempt++) {
    const p = await get(`admin/users${qs({search: u.email || u.username, limit: 5})}`);
    if (p.items.some((x) => x.id === u.id && x.status === status)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export function render(main) {
  const state = {search: '', status: '', role: '', sort_by: 'created_at', order: 'desc', page: 1};
  const list = h('div', {id: 'admin-users'});
  const search = h('input', {type: 'search', id: 'user-search', placeholder: t('admin.users.searchhint')});
  const status = select([['', t('admin.users.allstatus')], ['active', t('user.status.active')],
    ['suspended', t('user.status.suspended')], ['inactive', t('user.status.inactive')]], '', {id: 'user-status'});
  const sort = select([['created_at:desc', t('admin.users.sort.newest')], ['spend:desc', t('admin.users.sort.spend')],
    ['balance:desc', t('admin.users.sort.balance')], ['top_ups:desc', t('admin.users.sort.topups')],
    ['email:asc', t('admin.users.sort.email')]], 'created_at:desc', {id: 'user-sort'});
  const reason = h('input', {type: 'text', id: 'status-reason', value: t('admin.users.defaultreason')});
  const change = (u, next) => confirmButton(t(`admin.users.to.${next}`), t('admin.users.confirm'), async () => {
    await put(`admin/users/${u.id}/status`, {status: next, reason: reason.value || t('admin.users.defaultreason')});
    toast(t('admin.users.changed', {user: u.email || u.username, status: t(`user.status.${next}`)}));
    await shown(u, next);
    load();
  }, next === 'active' ? 'secondary' : 'danger');
  const load = () => section(list, () => get(`admin/users${qs({...state, limit: 20})}`), (p) => h('div', {}, table([
    {label: t('field.email'), cell: (u) => h('span', {}, u.email || '—', h('br'), h('small', {class: 'muted'}, u.username))},
    {label: t('admin.users.role'), cell: (u) => t(`user.role.${u.role}`)},
    {label: t('keys.status'), cell: (u) => h('span', {class: `badge ${u.status}`}, t(`user.status.${u.status}`))},
    {label: t('balance.total'), cell: (u) => money(u.balance, u.currency), class: 'num'},
    {label: t('admin.users.topups'), cell: (u) => money(u.total_top_ups), class: 'num'},
    {label: t('usage.spend'), cell: (u) => money(u.total_spend), class: 'num'},
    {label: t('usage.calls'), cell: (u) => num(u.calls), class: 'num'},
    {label: t('admin.users.created'), cell: (u) => when(u.created_at)},
    {label: '', cell: (u) => (u.role === 'admin' ? '' : u.status === 'active' ? change(u, 'suspended') : change(u, 'active'))},
  ], p.items, {emptyKey: 'admin.users.none', rowAttrs: (u) => ({'data-email': u.email || ''})}), pager(p, (n) => {
    state.page = n;
    load();
  })));
  const apply = (e) => {
    e?.preventDefault();
    [state.sort_by, state.order] = sort.value.split(':');
    Object.assign(state, {search: search.value.trim(), status: status.value, page: 1});
    load();
  };
  [status, sort].forEach((s) => s.addEventListener('change', apply));
  main.append(h('h1', {}, t('nav.admin.users')), card(null,
    h('form', {class: 'filters', role: 'search', onsubmit: apply}, field(t('models.search'), search),
      field(t('keys.status'), status), field(t('models.sortby'), sort),
      h('div', {class: 'form-actions'}, h('button', {type: 'submit', id: 'user-search-submit'}, t('action.filter')))),
    field(t('admin.users.reason'), reason), list));
  load();
}
