// What sign-in and registration share: the provider buttons and starting the session.
import {get} from '../api.js';
import {t} from '../i18n.js';
import {h} from '../ui.js';
import {saveTokens, saveUser} from '../session.js';
import {connectLive} from '../live.js';

const NAMES = {github: 'GitHub', google: 'Google', wechat: '微信 WeChat', feishu: '飞书 Feishu', twitter: 'X',
  facebook: 'Facebook', xiaohongshu: '小红书 Xiaohongshu'};

/** One button per provider the server offers (GET /auth/oauth/providers); nothing when none is. */
export function providerButtons() {
  const box = h('div', {class: 'providers', 'aria-label': t('auth.providers')});
  get('auth/oauth/providers', {anonymous: true}).then((list) => {
    const items = Array.isArray(list) ? list : (list?.items || []);
    if (!items.length) return;
    box.append(h('p', {class: 'muted'}, t('auth.or')), items.map((p) =>
      h('a', {class: 'button secondary', href: p.authorization_url}, t('auth.with', {provider: NAMES[p.name] || p.name}))));
  }).catch(() => {});
  return box;
}

/** Keeps the token pair and the user of a login or register answer, then opens the dashboard. */
export function startSession(answer) {
  saveTokens(answer.tokens);
  saveUser(answer.user);
  connectLive();
  location.hash = '#/dashboard';
}
