// Admin: the model editor: prices (each change is a price event; the log keeps the old one) and
// their history (GET /models/{id}/prices), availability, and adding a model.
import {get, post, put, qs} from '../api.js';
import {t} from '../i18n.js';
import {h, section, table, money, when, field, select, notice, busy, card, toast, pager} from '../ui.js';
import {CATEGORIES} from '../pages/models.js';

const dec = (name, value) => h('input', {type: 'number', name, min: 0, step: 'any', value: value ?? '', inputmode: 'decimal'});

function pricingEditor(m, done) {
  const p = m.pricing || {};
  const input = dec('input', p.input_per_million);
  const output = dec('output', p.output_per_million);
  const cache = dec('cache', p.cache_read_per_million);
  const note = notice();
  const save = h('button', {type: 'submit'}, t('action.save'));
  const form = h('form', {class: 'inline-form'}, field(t('model.input'), input), field(t('model.output'), output),
    field(t('model.cacheread'), cache), save, h('button', {type: 'button', class: 'secondary', onclick: () => done(false)},
      t('action.cancel')), note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = {input_per_million: Number(input.value), output_per_million: Number(output.value)};
    if (cache.value !== '') body.cache_read_per_million = Number(cache.value);
    busy(save, note, async () => {
      await put(`admin/models/${m.id}/pricing`, body);
      toast(t('admin.models.priced', {model: m.id}));
      done(true);
    });
  });
  setTimeout(() => input.focus());
  return form;
}

const priceText = (p) => (p ? `${money(p.input_per_million)} / ${money(p.output_per_million)}`
  + (p.cache_read_per_million !== undefined && p.cache_read_per_million !== null
    ? ` · ${t('model.cacheread')} ${money(p.cache_read_per_million)}` : '') : '—');

/** Every price the model had, newest first, with the one each replaced. */
function priceHistory(m) {
  let page = 1;
  const out = h('div', {class: 'price-history', 'data-model': m.id});
  const load = () => section(out, () => get(`models/${m.id}/prices${qs({page, limit: 10})}`), (p) => h('div', {},
    table([
      {label: t('admin.models.from'), cell: (r) => when(r.changed_at)},
      {label: t('admin.models.change'), cell: (r) => t(`admin.models.change.${r.change}`)},
      {label: t('models.price', {currency: r0(p)}), cell: (r) => priceText(r.pricing), class: 'num'},
      {label: t('admin.models.previous'), cell: (r) => priceText(r.previous_pricing), class: 'num'},
    ], p.items, {emptyKey: 'admin.models.nohistory', caption: t('admin.models.historyof', {model: m.id})}),
    pager(p, (n) => {
      page = n;
      load();
    })));
  load();
  return out;
}

const r0 = (p) => p.items[0]?.pricing?.currency || '';

function addForm(reload) {
  const id = h('input', {type: 'text', name: 'id', placeholder: 'acme/chat-1', required: true});
  const name = h('input', {type: 'text', name: 'name', required: true});
  const provider = h('input', {type: 'text', name: 'provider', required: true});
  const category = select(CATEGORIES.map((c) => [c, t(`category.${c}`)]), 'chat');
  const description = h('input', {type: 'text', name: 'description'});
  const context = h('input', {type: 'number', name: 'context_length', min: 1, value: 32768});
  const input = dec('input');
  const output = dec('output');
  const upstream = h('input', {type: 'text', name: 'upstream_model', placeholder: 'chat-1'});
  const note = notice();
  const submit = h('button', {type: 'submit'}, t('admin.models.add'));
  const form = h('form', {class: 'grid-form'}, field(t('admin.models.id'), id), field(t('models.model'), name),
    field(t('models.provider'), provider), field(t('models.category'), category),
    field(t('admin.models.description'), description), field(t('models.context'), context),
    field(t('model.input'), input), field(t('model.output'), output), field(t('admin.models.upstream'), upstream),
    h('div', {class: 'form-actions'}, submit), note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, note, async () => {
      await post('admin/models', {id: id.value.trim(), name: name.value.trim(), provider: provider.value.trim(),
        category: category.value, description: description.value, context_length: Number(context.value),
        pricing: {input_per_million: Number(input.value), output_per_million: Number(output.value)},
        routes: [{provider: provider.value.trim(), upstream_model: upstream.value.trim() || id.value.split('/').pop()}]});
      note.show(t('admin.models.added', {model: id.value}));
      form.reset();
      reload();
    });
  });
  return form;
}

export function render(main) {
  let page = 1;
  const list = h('div', {id: 'admin-models'});
  const setStatus = (m, status) => h('button', {type: 'button', class: status === 'available' ? 'secondary' : 'danger',
    onclick: (e) => busy(e.target, null, async () => {
      await put(`admin/models/${m.id}/status`, {status, reason: t('admin.models.reason')});
      toast(t('admin.models.statuschanged', {model: m.id, status: t(`models.status.${status}`)}));
      load();
    })}, t(`admin.models.to.${status}`));
  const load = () => section(list, () => get(`models${qs({page, limit: 20, sort_by: 'name', order: 'asc'})}`), (p) => h('div', {},
    table([
      {label: t('models.model'), cell: (m) => h('span', {}, m.name, h('br'), h('code', {class: 'muted'}, m.id))},
      {label: t('models.price', {currency: m0(p)}), cell: (m) => `${money(m.pricing.input_per_million)} / ${money(m.pricing.output_per_million)}`, class: 'num'},
      {label: t('models.status'), cell: (m) => h('span', {class: `badge ${m.status}`}, t(`models.status.${m.status}`))},
      {label: '', cell: (m) => h('div', {class: 'row-actions'},
        h('button', {type: 'button', class: 'secondary', onclick: (e) => {
          const row = e.target.closest('tr');
          const editor = h('tr', {class: 'editor-row'}, h('td', {colspan: 4}, pricingEditor(m, (changed) => (changed ? load() : editor.remove()))));
          row.after(editor);
        }}, t('admin.models.editprice')),
        h('button', {type: 'button', class: 'secondary', 'data-action': 'history', 'aria-expanded': 'false', onclick: (e) => {
          const button = e.currentTarget;
          const row = button.closest('tr');
          const open = [...row.parentElement.querySelectorAll('tr.history-row')].find((r) => r.dataset.for === m.id);
          if (open) {
            open.remove();
            button.setAttribute('aria-expanded', 'false');
            return;
          }
          button.setAttribute('aria-expanded', 'true');
          row.after(h('tr', {class: 'editor-row history-row', 'data-for': m.id}, h('td', {colspan: 4}, priceHistory(m))));
        }}, t('admin.models.showhistory')),
        m.status === 'available' ? setStatus(m, 'unavailable') : setStatus(m, 'available'))},
    ], p.items), pager(p, (n) => {
      page = n;
      load();
    })));
  main.append(h('h1', {}, t('nav.admin.models')), h('p', {class: 'muted'}, t('admin.models.history')),
    card(null, list), card(t('admin.models.add'), addForm(() => load())));
  load();
}

const m0 = (p) => p.items[0]?.pricing?.currency || '';
