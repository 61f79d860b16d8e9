// The "try it" box: a chat completion through the OpenAI-compatible gateway (/v1) with one of
// the user's API keys, streamed (server-sent events), with the cost from the final usage chunk.
import {t, errorText} from '../i18n.js';
import {h, field, select, notice, money, num} from '../ui.js';
import {rememberedKeys} from '../session.js';

async function* events(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, {stream: true});
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
      if (data) yield data;
    }
  }
}

function gatewayError(status, body) {
  const e = body?.error || {};
  const err = new Error(e.message || `HTTP ${status}`);
  err.code = e.code && /^[A-Z]+_\d+$/.test(e.code) ? e.code : ({401: 'ERR_002', 402: 'BILL_001', 403: 'ERR_003',
    404: 'ERR_004', 429: 'RATE_001', 502: 'UPSTREAM_001', 503: 'MODEL_001'}[status] || `HTTP_${status}`);
  err.details = {};
  return err;
}

export function tryBox(modelId) {
  const keys = rememberedKeys();
  const keySelect = select([...keys.map((k) => [k.secret, k.name]), ['', t('try.paste')]], keys.at(-1)?.secret || '',
    {id: 'try-key', name: 'key'});
  const pasted = h('input', {type: 'password', id: 'try-key-paste', name: 'pasted', placeholder: 'mr-…', autocomplete: 'off'});
  const pasteField = field(t('try.pastelabel'), pasted);
  const togglePaste = () => (pasteField.hidden = keySelect.value !== '');
  keySelect.addEventListener('change', togglePaste);
  togglePaste();
  const prompt = h('textarea', {id: 'try-prompt', name: 'prompt', rows: 3, required: true}, t('try.sample'));
  const maxTokens = h('input', {type: 'number', id: 'try-max', name: 'max_tokens', min: 1, max: 4096, value: 256});
  const answer = h('output', {class: 'answer', id: 'try-answer', 'aria-live': 'polite'});
  const cost = h('p', {class: 'muted', id: 'try-cost'});
  const note = notice();
  const send = h('button', {type: 'submit', id: 'try-send'}, t('try.send'));
  const stop = h('button', {type: 'button', class: 'secondary', hidden: true}, t('try.stop'));
  let controller = null;
  stop.addEventListener('click', () => controller?.abort());

  const form = h('form', {class: 'try', id: 'try-form'},
    h('div', {class: 'try-keys'}, field(t('try.key'), keySelect, keys.length ? null : t('try.nokeys')), pasteField),
    field(t('try.prompt'), prompt), field(t('try.max'), maxTokens),
    h('div', {class: 'form-actions'}, send, stop), note, answer, cost);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const key = keySelect.value || pasted.value.trim();
    if (!key) {
      note.show(t('try.needkey'), 'bad');
      return;
    }
    note.hide();
    answer.textContent = '';
    cost.textContent = '';
    send.disabled = true;
    stop.hidden = false;
    controller = new AbortController();
    try {
      const res = await fetch('/v1/chat/completions', {
        method: 'POST', signal: controller.signal,
        headers: {'Content-Type': 'application/json', Authorization: `Bearer ${key}`},
        body: JSON.stringify({model: modelId, stream: true, stream_options: {include_usage: true},
          max_tokens: Number(maxTokens.value) || 256, messages: [{role: 'user', content: prompt.value}]})});
      if (!res.ok) {
        let body = null;
        try {
          body = await res.json();
        } catch {
          body = null;
        }
        throw gatewayError(res.status, body);
      }
      let requestId = res.headers.get('X-Request-Id');
      for await (const data of events(res)) {
        if (data === '[DONE]') break;
        const chunk = JSON.parse(data);
        requestId ||= chunk.id;
        const delta = chunk.choices?.[0]?.delta?.content;
        if (delta) answer.textContent += delta;
        if (chunk.usage) {
          const u = chunk.usage;
          cost.dataset.cost = String(u.cost);
          cost.textContent = t('try.cost', {cost: money(u.cost, u.currency), prompt: num(u.prompt_tokens),
            completion: num(u.completion_tokens)});
        }
      }
      if (requestId) cost.append(' · ', h('a', {href: `#/usage?request=${encodeURIComponent(requestId)}`}, t('try.details')));
    } catch (err) {
      if (err.name === 'AbortError') note.show(t('try.stopped'), 'warn');
      else note.show(err.code ? errorText(err) : t('error.NETWORK'), 'bad');
    } finally {
      send.disabled = false;
      stop.hidden = true;
      controller = null;
    }
  });
  return form;
}
