// Sign in with e-mail and password, or through a provider.
import {post} from '../api.js';
import {t} from '../i18n.js';
import {h, field, notice, busy} from '../ui.js';
import {takeSignOutReason} from '../session.js';
import {providerButtons, startSession} from './auth-common.js';

export function render(main) {
  const note = notice();
  const reason = takeSignOutReason();
  const oauthError = sessionStorage.getItem('mr.oauth.error');
  sessionStorage.removeItem('mr.oauth.error');
  const email = h('input', {type: 'email', name: 'email', autocomplete: 'username', required: true});
  const password = h('input', {type: 'password', name: 'password', autocomplete: 'current-password', required: true});
  const submit = h('button', {type: 'submit', id: 'login-submit'}, t('action.signin'));
  const form = h('form', {class: 'auth-form', id: 'login-form', novalidate: true},
    field(t('field.email'), email), field(t('field.password'), password), submit, note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, note, async () => startSession(await post('auth/login',
      {email: email.value.trim(), password: password.value}, {anonymous: true})));
  });
  main.append(h('div', {class: 'auth'},
    h('h1', {}, t('login.title')),
    reason && h('p', {class: 'notice warn', role: 'alert', id: 'signout-reason'}, t(reason)),
    oauthError && h('p', {class: 'notice bad', role: 'alert'}, oauthError),
    form, providerButtons(),
    h('p', {}, t('login.noaccount'), ' ', h('a', {href: '#/register'}, t('nav.register')))));
  email.focus();
}
