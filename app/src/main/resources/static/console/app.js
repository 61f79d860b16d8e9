// The console's shell: hash routes to pages, the navigation, language switch, the live status,
// and what happens when the session starts or ends.
import {t, language, setLanguage} from './i18n.js';
import {h, clear, toast} from './ui.js';
import {session, isAdmin, saveTokens, saveUser, signOut, onSessionChange} from './session.js';
import {get} from './api.js';
import {connectLive, disconnectLive, onLiveStatus, onPush} from './live.js';
import {routes, navigation} from './routes.js';

const main = document.getElementById('main');
let cleanup = null;
let liveState = 'offline';
let rendering = 0;

/** A provider sign-in comes back as /#access_token=...&refresh_token=... (or #error=...). */
async function takeOAuthResult() {
  const hash = location.hash.slice(1);
  if (!hash.startsWith('access_token=') && !hash.startsWith('error=')) return;
  const p = new URLSearchParams(hash);
  history.replaceState(null, '', location.pathname);
  if (p.get('error')) {
    sessionStorage.setItem('mr.oauth.error', `${p.get('error')}: ${p.get('error_description') || ''}`);
    location.hash = '#/login';
    return;
  }
  saveTokens({access_token: p.get('access_token'), refresh_token: p.get('refresh_token')});
  try {
    saveUser(await get('users/me'));
  } catch {
    signOut();
  }
  location.hash = '#/dashboard';
}

function match(path) {
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (m) return {route: r, params: m.slice(1).map(decodeURIComponent)};
  }
  return null;
}

async function render() {
  const mine = ++rendering;
  const [path, query = ''] = (location.hash.replace(/^#/, '') || '/').split('?');
  const signedIn = !!session()?.access;
  if (path === '/' || path === '') {
    location.replace(signedIn ? '#/dashboard' : '#/login');
    return;
  }
  const found = match(path);
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  if (!found) {
    clear(main, h('h1', {}, t('page.notfound')), h('p', {}, h('a', {href: '#/dashboard'}, t('nav.dashboard'))));
    return;
  }
  if (found.route.auth && !signedIn) {
    location.replace('#/login');
    return;
  }
  if (found.route.admin && !isAdmin()) {
    clear(main, h('h1', {}, t('page.forbidden')));
    return;
  }
  if (!found.route.auth && signedIn && found.route.guestOnly) {
    location.replace('#/dashboard');
    return;
  }
  drawNav(path);
  const page = await found.route.load();
  if (mine !== rendering) return; // the user moved on while the page's module loaded
  main.replaceChildren();
  document.title = `${t(found.route.title)} · MassRouter`;
  cleanup = page.render(main, ...found.params, new URLSearchParams(query));
  main.focus({preventScroll: true});
}

function drawNav(path) {
  const nav = document.getElementById('nav');
  const links = navigation(!!session()?.access, isAdmin());
  clear(nav, h('ul', {}, links.map((l) => h('li', {},
    l.group ? h('span', {class: 'nav-group'}, t(l.group))
      : h('a', {href: `#${l.path}`, 'aria-current': path.startsWith(l.path) ? 'page' : null,
        onclick: closeMenu}, t(l.label))))));
  const tools = document.getElementById('tools');
  const s = session();
  clear(tools,
    s?.access && h('span', {class: `live-dot ${liveState}`, id: 'live-status', role: 'status',
      title: t(`live.${liveState}`)}, h('span', {class: 'sr-only'}, t(`live.${liveState}`))),
    h('button', {type: 'button', class: 'link', id: 'lang-toggle', lang: language() === 'zh' ? 'en' : 'zh',
      onclick: () => {
        setLanguage(language() === 'zh' ? 'en' : 'zh');
        render();
      }}, language() === 'zh' ? 'English' : '中文'),
    s?.user && h('span', {class: 'who', id: 'who'}, s.user.username || s.user.email),
    s?.access && h('button', {type: 'button', class: 'link', id: 'sign-out', onclick: () => signOut()}, t('action.signout')));
}

function closeMenu() {
  document.getElementById('nav').classList.remove('open');
  document.getElementById('menu-toggle').setAttribute('aria-expanded', 'false');
}

document.getElementById('menu-toggle').addEventListener('click', (e) => {
  const nav = document.getElementById('nav');
  const open = nav.classList.toggle('open');
  e.currentTarget.setAttribute('aria-expanded', String(open));
});

onLiveStatus((s) => {
  liveState = s;
  const dot = document.getElementById('live-status');
  if (dot) {
    dot.className = `live-dot ${s}`;
    dot.title = t(`live.${s}`);
    dot.firstChild.textContent = t(`live.${s}`);
  }
});

onPush((msg) => {
  if (msg.event === 'balance.low') toast(t('alert.lowbalance', {total: msg.data.total, currency: msg.data.currency}), 'warn');
  if (msg.event === 'payment.failed') toast(t('alert.paymentfailed', {id: msg.data.payment_id}), 'bad');
  if (msg.event === 'updates.missed') render();
});

onSessionChange((s) => {
  if (!s) {
    disconnectLive();
    location.hash = '#/login';
    render();
  }
});

window.addEventListener('hashchange', render);

await takeOAuthResult();
if (session()?.access) connectLive();
render();
