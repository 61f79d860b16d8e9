// Admin: event processors with their position and lag, their dead letters (with a retry), and a
// replay button for the projections that may be rebuilt.
import {get, post} from '../api.js';
import {t} from '../i18n.js';
import {h, clear, section, table, num, card, confirmButton, toast, busy, when} from '../ui.js';

function deadLetters(name) {
  const box = h('div', {class: 'dead-letters'});
  const show = h('button', {type: 'button', class: 'link'}, t('admin.proc.deadletters'));
  show.addEventListener('click', () => section(box, () => get(`admin/projections/${name}/dead-letters`), (d) => h('div', {},
    h('p', {}, t('admin.proc.parked', {sequences: num(d.sequences), letters: num(d.letters)}), ' ',
      d.letters > 0 && h('button', {type: 'button', class: 'secondary', onclick: (e) => busy(e.target, null, async () => {
        const r = await post(`admin/projections/${name}/dead-letters/retry`);
        toast(t('admin.proc.retried', {retried: r.retried, failed: r.failed_again}));
        show.click();
      })}, t('admin.proc.retry'))),
    table([
      {label: t('admin.proc.event'), cell: (l) => h('span', {}, l.event_type, h('br'), h('code', {}, l.aggregate_id), ` #${l.sequence_number}`)},
      {label: t('admin.proc.cause'), cell: (l) => `${l.cause_type || ''}: ${l.cause_message || ''}`},
      {label: t('admin.proc.since'), cell: (l) => when(l.enqueued_at)},
    ], d.items.flat(), {emptyKey: 'admin.proc.nodead'}))));
  return h('div', {}, show, box);
}

/** The processors as a table; reload (when given) is called after a replay starts. */
export function processorsTable(list, reload) {
  return table([
    {label: t('admin.proc.name'), cell: (p) => h('code', {}, p.name)},
    {label: t('admin.proc.state'), cell: (p) => h('span', {class: `badge ${p.running ? 'active' : 'failed'}`},
      p.replaying ? t('admin.proc.replaying') : p.running ? t('admin.proc.running') : t('admin.proc.stopped'))},
    {label: t('admin.proc.segments'), cell: (p) => num(p.segments), class: 'num'},
    {label: t('admin.proc.position'), cell: (p) => num(p.position), class: 'num'},
    {label: t('admin.proc.lag'), cell: (p) => h('span', {class: p.lag > 1000 ? 'neg' : ''}, num(p.lag)), class: 'num'},
    {label: '', cell: (p) => h('div', {class: 'row-actions'}, reload && deadLetters(p.name),
      reload && p.replayable && confirmButton(t('admin.proc.replay'), t('admin.proc.replayconfirm'), async () => {
        await post(`admin/projections/${p.name}/replay`);
        toast(t('admin.proc.replaystarted', {name: p.name}));
        reload();
      }, 'secondary'))},
  ], list, {emptyKey: 'state.empty'});
}

export function render(main) {
  const out = h('div', {id: 'admin-processors'});
  const load = () => section(out, () => get('admin/projections'), (list) => processorsTable(list, load));
  main.append(h('h1', {}, t('nav.admin.processors')), card(null, h('p', {class: 'muted'}, t('admin.proc.help')), out),
    h('p', {}, h('button', {type: 'button', class: 'secondary', onclick: () => load()}, t('action.refresh'))));
  load();
  const timer = setInterval(() => document.visibilityState === 'visible' && get('admin/projections')
    .then((list) => clear(out, processorsTable(list, load))).catch(() => {}), 5000);
  return () => clearInterval(timer);
}
