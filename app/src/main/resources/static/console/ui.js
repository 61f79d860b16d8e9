// Small DOM helpers shared by the pages: elements, formats, states, tables, paging, notices.
import {t, errorText, language} from './i18n.js';

/** h('div', {class: 'x', onclick: fn}, child, ...): an element; null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value') el.value = v;
    else if (k === 'checked') {
      el.checked = true;
      el.defaultChecked = true; // a form reset keeps it checked
    }
    else el.setAttribute(k, v === true ? '' : v);
  });
  children.flat(Infinity).forEach((c) => {
    if (c === null || c === undefined || c === false) return;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  });
  return el;
}

export function clear(el, ...children) {
  el.replaceChildren();
  children.flat().forEach((c) => c && el.append(c));
  return el;
}

const locale = () => (language() === 'zh' ? 'zh-CN' : 'en-US');

/** An amount as the API gives it (a decimal string or number), with up to 6 decimals. */
export function money(value, currency = '') {
  if (value === null || value === undefined || value === '') return '—';
  // amounts are exact to 6 decimals (a call can cost 0.000014): show them all, at least 2
  const text = Number(value).toLocaleString(locale(), {minimumFractionDigits: 2, maximumFractionDigits: 6});
  return currency ? `${text} ${currency}` : text;
}

export function num(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString(locale());
}

export function when(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale(), {dateStyle: 'short', timeStyle: 'short'});
}

export function day(date) {
  const d = date instanceof Date ? date : new Date(date);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function daysAgo(n) {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return day(d);
}

export function loading() {
  return h('p', {class: 'state loading', role: 'status'}, h('span', {class: 'spinner', 'aria-hidden': 'true'}), t('state.loading'));
}

export function empty(key = 'state.empty') {
  return h('p', {class: 'state empty'}, t(key));
}

export function failure(error, retry) {
  return h('div', {class: 'state error', role: 'alert'}, h('span', {}, errorText(error)),
    retry && h('button', {type: 'button', class: 'link', onclick: retry}, t('action.retry')));
}

/**
 * Fills target with what load() returns, showing loading, then the content or the error in words.
 * render(data) returns the nodes.
 */
export async function section(target, load, render) {
  clear(target, loading());
  try {
    const data = await load();
    clear(target, render(data));
  } catch (e) {
    if (e.code === undefined) console.error(e);
    clear(target, failure(e, () => section(target, load, render)));
  }
}

/** A table: columns are [{label, cell(row) -> node|string, class}]; rows; an empty message when none. */
export function table(columns, rows, {emptyKey, caption, rowAttrs} = {}) {
  if (!rows.length) return empty(emptyKey);
  return h('div', {class: 'table-wrap'}, h('table', {},
    caption && h('caption', {class: 'sr-only'}, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {scope: 'col', class: c.class}, c.label)))),
    h('tbody', {}, rows.map((r) => h('tr', rowAttrs ? rowAttrs(r) : {},
      columns.map((c) => h('td', {class: c.class, 'data-label': c.label}, c.cell(r))))))));
}

/** Previous / next paging for a list answer {page, limit, total}. */
export function pager(pageData, go) {
  const pages = Math.max(1, Math.ceil(pageData.total / pageData.limit));
  return h('nav', {class: 'pager', 'aria-label': t('pager.label')},
    h('button', {type: 'button', disabled: pageData.page <= 1, onclick: () => go(pageData.page - 1)}, t('pager.prev')),
    h('span', {}, t('pager.of', {page: pageData.page, pages, total: pageData.total})),
    h('button', {type: 'button', disabled: pageData.page >= pages, onclick: () => go(pageData.page + 1)}, t('pager.next')));
}

/** A labelled form field; input is an element (input, select, textarea). */
export function field(label, input, hint) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  return h('div', {class: 'field'}, h('label', {for: id}, label), input, hint && h('small', {class: 'hint'}, hint));
}

export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map(([v, label]) => h('option', {value: v, selected: v === value}, label)));
}

/** A message line for a form: call show(text, kind) or show(error). */
export function notice() {
  const el = h('p', {class: 'notice', role: 'status', 'aria-live': 'polite'});
  el.show = (what, kind = 'ok') => {
    el.className = `notice ${what instanceof Error ? 'bad' : kind}`;
    el.textContent = what instanceof Error ? errorText(what) : what;
  };
  el.hide = () => {
    el.className = 'notice';
    el.textContent = '';
  };
  return el;
}

/** Runs action while button shows busy; errors go to the notice. */
export async function busy(button, note, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  note?.hide?.();
  try {
    return await action();
  } catch (e) {
    if (note) note.show(e);
    else toast(errorText(e), 'bad');
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

export function copyButton(text) {
  const b = h('button', {type: 'button', class: 'secondary'}, t('action.copy'));
  b.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = h('textarea', {}, text);
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    b.textContent = t('action.copied');
  });
  return b;
}

export function toast(text, kind = 'ok') {
  const host = document.getElementById('toasts');
  const el = h('div', {class: `toast ${kind}`, role: 'status'}, text);
  host.append(el);
  setTimeout(() => el.remove(), 6000);
}

/** A two-step button: the first press asks, the second does it (no native dialogs). */
export function confirmButton(label, confirmLabel, action, cls = 'danger') {
  const b = h('button', {type: 'button', class: cls}, label);
  let armed = false;
  b.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      b.textContent = confirmLabel;
      setTimeout(() => {
        armed = false;
        b.textContent = label;
      }, 4000);
      return;
    }
    armed = false;
    await busy(b, null, action);
    b.textContent = label;
  });
  return b;
}

export function card(title, ...body) {
  return h('section', {class: 'card'}, title && h('h2', {}, title), body);
}

export function stat(label, value, attrs = {}) {
  return h('div', {class: 'stat'}, h('span', {class: 'stat-label'}, label), h('strong', {class: 'stat-value', ...attrs}, value));
}
