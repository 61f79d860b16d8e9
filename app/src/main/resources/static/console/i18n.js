// Translations: Chinese by default, English on request; the choice is kept in localStorage.
import {messages} from './messages.js';

const KEY = 'mr.lang';
let lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';

export function language() {
  return lang;
}

export function setLanguage(next) {
  lang = next === 'en' ? 'en' : 'zh';
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** The text for key in the current language, {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = messages[lang][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** An API error in words: what the code means, then the server's own detail. */
export function errorText(error) {
  const known = messages[lang][`error.${error.code}`];
  const base = known ?? t('error.unknown', {code: error.code || '?'});
  const details = Object.entries(error.details || {}).map(([field, why]) => `${field}: ${why}`);
  const detail = details.length ? details.join('; ') : (error.message && error.message !== error.code ? error.message : '');
  return detail ? `${base} (${detail})` : base;
}

document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
