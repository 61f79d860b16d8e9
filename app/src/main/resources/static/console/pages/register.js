// Open an account: e-mail, username, password twice.
import {post} from '../api.js';
import {t} from '../i18n.js';
import {h, field, notice, busy} from '../ui.js';
import {providerButtons, startSession} from './auth-common.js';

export function render(main) {
  const note = notice();
  const email = h('input', {type: 'email', name: 'email', autocomplete: 'email', required: true});
  const username = h('input', {type: 'text', name: 'username', autocomplete: 'username', required: true});
  const password = h('input', {type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: 8});
  const confirm = h('input', {type: 'password', name: 'confirm_password', autocomplete: 'new-password', required: true});
  const submit = h('button', {type: 'submit', id: 'register-submit'}, t('action.register'));
  const form = h('form', {class: 'auth-form', id: 'register-form', novalidate: true},
    field(t('field.email'), email), field(t('field.username'), username),
    field(t('field.password'), password, t('register.passwordhint')), field(t('field.confirm'), confirm), submit, note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (password.value !== confirm.value) {
      note.show(t('register.mismatch'), 'bad');
      return;
    }
    busy(submit, note, async () => startSession(await post('auth/register', {
      email: email.value.trim(), username: username.value.trim(), password: password.value,
      confirm_password: confirm.value}, {anonymous: true})));
  });
  main.append(h('div', {class: 'auth'}, h('h1', {}, t('register.title')), form, providerButtons(),
    h('p', {}, t('register.haveaccount'), ' ', h('a', {href: '#/login'}, t('nav.login')))));
  email.focus();
}
