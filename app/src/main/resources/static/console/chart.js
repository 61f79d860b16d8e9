// Inline SVG charts: bars for one series (left axis) and a line for another (right axis),
// on a fixed-size canvas so a chart never moves the page when its data arrives; drawn again at the
// new width when the window's width changes (a phone turned, a window resized).
import {t} from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';
const H = 220;
const PAD = {l: 48, r: 64, t: 16, b: 36};

/** The chart is drawn at the width it will have (the page's content width), so text is never stretched. */
function width() {
  const main = document.getElementById('main');
  const inner = main ? main.clientWidth - 64 : 640;
  return Math.max(280, Math.min(1100, inner));
}

function el(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function nice(max) {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  const m = max / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function short(v) {
  if (v >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (v >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return v >= 1 || v === 0 ? String(+v.toFixed(2)) : String(+v.toPrecision(2));
}

/** What each chart was drawn from (weakly held: a chart that left the page is forgotten with it). */
const specs = new WeakMap();
let resizing = null;

function redraw() {
  const W = width();
  document.querySelectorAll('figure.chart').forEach((fig) => {
    const spec = specs.get(fig);
    if (spec && Number(fig.dataset.width) !== W) {
      fig.querySelector('svg').replaceWith(draw(spec, W));
      fig.dataset.width = String(W);
    }
  });
}

window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(redraw, 150);
});

/**
 * labels: x labels; bars: {name, values}; line: {name, values} (optional).
 * shared: one axis for both (same unit). Returns a <figure> with an accessible title and a legend.
 */
export function barLineChart(spec) {
  const {bars, line} = spec;
  const W = width();
  const fig = document.createElement('figure');
  fig.className = 'chart';
  fig.dataset.width = String(W);
  fig.append(draw(spec, W));
  const legend = document.createElement('figcaption');
  const item = (cls, name) => {
    const s = document.createElement('span');
    s.className = `legend ${cls}`;
    s.textContent = name;
    return s;
  };
  legend.append(item('bars', bars.name));
  if (line) legend.append(item('line', line.name));
  fig.append(legend);
  specs.set(fig, spec);
  return fig;
}

/** The chart's SVG at width W. */
function draw({title, labels, bars, line, shared}, W) {
  const svg = el('svg', {viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': title});
  svg.append(el('title', {}, title));
  const n = labels.length;
  const plotW = W - PAD.l - PAD.r;
  const plotH = H - PAD.t - PAD.b;
  // shared: both series in one unit (e.g. latency p50 and p95), on the left axis
  const top = shared && line ? Math.max(0, ...bars.values, ...line.values.map(Number)) : Math.max(0, ...bars.values);
  const barMax = nice(top);
  const lineMax = shared ? barMax : line ? nice(Math.max(0, ...line.values.map(Number))) : 1;
  for (let i = 0; i <= 4; i++) {
    const y = PAD.t + plotH - (plotH * i) / 4;
    svg.append(el('line', {x1: PAD.l, x2: W - PAD.r, y1: y, y2: y, class: 'grid'}));
    svg.append(el('text', {x: PAD.l - 6, y: y + 4, 'text-anchor': 'end', class: 'axis'}, short((barMax * i) / 4)));
    if (line && !shared) svg.append(el('text', {x: W - PAD.r + 6, y: y + 4, class: 'axis right'}, short((lineMax * i) / 4)));
  }
  const step = n ? plotW / n : plotW;
  const every = Math.max(1, Math.ceil(n / Math.max(3, Math.floor(plotW / 70))));
  bars.values.forEach((v, i) => {
    const bh = (plotH * v) / barMax;
    const x = PAD.l + i * step + step * 0.15;
    const r = el('rect', {x, y: PAD.t + plotH - bh, width: Math.max(1, step * 0.7), height: bh, class: 'bar'});
    r.append(el('title', {}, `${labels[i]}: ${v} ${bars.name}`));
    svg.append(r);
  });
  labels.forEach((label, i) => {
    if (i % every) return;
    svg.append(el('text', {x: PAD.l + i * step + step / 2, y: H - PAD.b + 16, 'text-anchor': 'middle', class: 'axis'}, label));
  });
  if (line && n) {
    const pts = line.values.map((v, i) => `${PAD.l + i * step + step / 2},${PAD.t + plotH - (plotH * Number(v)) / lineMax}`);
    svg.append(el('polyline', {points: pts.join(' '), class: 'line'}));
    line.values.forEach((v, i) => {
      const c = el('circle', {cx: PAD.l + i * step + step / 2, cy: PAD.t + plotH - (plotH * Number(v)) / lineMax, r: 3, class: 'dot'});
      c.append(el('title', {}, `${labels[i]}: ${v} ${line.name}`));
      svg.append(c);
    });
  }
  if (!n || (bars.values.every((v) => !v) && (!line || line.values.every((v) => !Number(v))))) {
    svg.append(el('text', {x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'axis nodata'}, t('chart.nodata')));
  }
  return svg;
}

/** A bucket's start as a short label: hours as HH:00, days as MM-DD. */
export function bucketLabel(iso, granularity) {
  if (granularity === 'hour') {
    const d = new Date(iso);
    return `${String(d.getHours()).padStart(2, '0')}:00`;
  }
  // a day starts at midnight in the server's statistics zone: its middle is on the right date anywhere
  const d = new Date(new Date(iso).getTime() + 12 * 3600 * 1000);
  return `${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
