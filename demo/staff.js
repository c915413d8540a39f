// The demo clinic's staff inbox: conversations with unread counts and the patient's context, live
// over the staff SSE stream (/v1/staff/events), reply, typing, mark handled, attachments. Plain
// DOM (textContent only: patient text is never parsed as HTML). The token stays in memory.
const $ = (s) => document.querySelector(s);
const api = (p) => new URL(`/v1${p}`, location.origin);
let token = '';
let current = null;
let conversations = [];
let es = null;
let lastEventId = '0';
let typingSent = 0;
let typingTimer = 0;

async function call(path, init = {}) {
  const res = await fetch(api(path), { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers } });
  if (!res.ok) throw new Error(`${res.status} ${path}`);
  return res;
}
const el = (tag, props = {}, ...children) => {
  const n = Object.assign(document.createElement(tag), props);
  n.append(...children.filter((c) => c !== null && c !== undefined));
  return n;
};

function contextLine(c) {
  const x = c.context ?? {};
  return [
    x.quoteReference && `Quote ${x.quoteReference}`,
    x.bookingReference && `Booking ${x.bookingReference}`,
    `Language ${c.locale}`,
    // The page's country, a trusted proxy's (network), or only the browser language's region (a guess).
    x.country && `Country ${x.country}${x.countryFrom === 'language' ? ' (guessed from the browser language)' : x.countryFrom === 'network' ? ' (from the network)' : ''}`,
    x.attribution?.source && `Source ${x.attribution.source}${x.attribution.campaign ? ` / ${x.attribution.campaign}` : ''}`,
    x.attribution?.agent && `Agent ${x.attribution.agent}`,
  ].filter(Boolean).join(' · ');
}

function renderList() {
  const ul = $('#conversations');
  // The list is rebuilt on every event: keep keyboard focus on the same conversation's row.
  const focused = ul.contains(document.activeElement) ? document.activeElement.dataset.id : undefined;
  ul.replaceChildren(
    ...conversations.map((c) => {
      const b = el('button', { type: 'button' },
        el('strong', { textContent: c.name || c.email || 'Visitor' }),
        el('span', { className: 'meta', textContent: contextLine(c) }),
        c.lastMessage ? el('span', { dir: 'auto', textContent: c.lastMessage.body.slice(0, 80) }) : null,
        c.unread ? el('span', { className: 'unread', textContent: `${c.unread} unread` }) : null,
        c.handled ? el('span', { className: 'handled', textContent: 'Handled' }) : null,
      );
      b.dataset.id = c.id;
      b.setAttribute('aria-current', String(current?.id === c.id));
      b.addEventListener('click', () => void openConversation(c.id));
      return el('li', {}, b);
    }),
  );
  if (focused) ul.querySelector(`button[data-id="${CSS.escape(focused)}"]`)?.focus();
}

async function loadList() {
  conversations = (await (await call('/staff/conversations')).json()).conversations;
  renderList();
}

function messageItem(m) {
  const li = el('li', { className: m.author });
  li.dataset.id = m.id;
  li.append(el('span', { className: 'meta', textContent: `${m.author === 'staff' ? m.authorName ?? 'Staff' : 'Patient'} · ${new Date(m.createdAt).toLocaleString()}` }), el('br'));
  if (m.attachment) {
    const a = el('a', { href: '#', textContent: `📎 ${m.attachment.name} (${Math.ceil(m.attachment.size / 1024)} KB)` });
    a.addEventListener('click', async (e) => {
      e.preventDefault();
      const blob = await (await call(`/staff/conversations/${m.conversationId}/attachments/${m.attachment.id}`)).blob();
      const url = URL.createObjectURL(blob);
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });
    li.append(a);
  } else li.append(el('span', { dir: 'auto', textContent: m.body }));
  // What the FAQ assistant told the patient (null: it had no answer), so nobody answers it twice.
  if (m.faq !== undefined) {
    li.append(el('br'), el('span', { className: 'meta faq', textContent: m.faq ? `Automatic answer given (${m.faq.question}): ` : 'Automatic answer: none found' }));
    if (m.faq) li.append(el('span', { className: 'faq', dir: 'auto', textContent: m.faq.answer }));
  }
  return li;
}

/** Says what failed where the staff member is looking (role=alert), until the next try works. */
function failed(where, err) {
  const box = $('#error');
  box.textContent = err ? `${where}: ${err.message}. Nothing was lost: try again.` : '';
  box.hidden = !err;
}

/** Runs a staff action; if it fails, says so and returns false (what was typed stays). */
async function attempt(where, action) {
  try {
    await action();
  } catch (err) {
    failed(where, err);
    return false;
  }
  failed();
  return true;
}

function showTyping(typing) {
  // A patient who stops without sending says so after a pause; silence clears it here too.
  clearTimeout(typingTimer);
  $('#typing').textContent = typing ? 'The patient is typing…' : '';
  if (typing) typingTimer = setTimeout(() => showTyping(false), 8000);
}

async function openConversation(id) {
  current = conversations.find((c) => c.id === id);
  showTyping(false);
  $('#conversation').hidden = false;
  $('#conv-title').textContent = current.name || current.email || 'Visitor';
  $('#context').textContent = contextLine(current);
  const { messages } = await (await call(`/staff/conversations/${id}/messages`)).json();
  $('#messages').replaceChildren(...messages.map(messageItem));
  $('#handled').setAttribute('aria-pressed', String(current.handled));
  if (messages.length) await call(`/staff/conversations/${id}/read`, { method: 'POST', body: JSON.stringify({ lastReadId: messages.at(-1).id }) });
  renderList();
  $('#reply-text').focus();
}

function connect() {
  es?.close();
  es = new EventSource(api(`/staff/events?token=${encodeURIComponent(token)}&lastEventId=${lastEventId}`));
  es.addEventListener('ready', () => ($('#live').textContent = 'Live'));
  es.addEventListener('error', () => ($('#live').textContent = 'Reconnecting…'));
  es.addEventListener('message', (ev) => {
    const m = JSON.parse(ev.data);
    lastEventId = m.id;
    if (current?.id === m.conversationId && !$(`#messages li[data-id="${m.id}"]`)) {
      $('#messages').append(messageItem(m));
      if (m.author === 'visitor') void call(`/staff/conversations/${m.conversationId}/read`, { method: 'POST', body: JSON.stringify({ lastReadId: m.id }) });
    }
    void loadList();
  });
  es.addEventListener('conversation', (ev) => {
    const s = JSON.parse(ev.data);
    const c = conversations.find((x) => x.id === s.conversationId);
    if (c) Object.assign(c, { unread: s.unread, handled: s.handled });
    renderList();
  });
  es.addEventListener('typing', (ev) => {
    const t = JSON.parse(ev.data);
    if (t.author === 'visitor' && t.conversationId === current?.id) showTyping(t.typing);
  });
}

$('#login').addEventListener('submit', async (e) => {
  e.preventDefault();
  token = $('#token').value.trim();
  try {
    await loadList();
    connect();
  } catch (err) {
    $('#live').textContent = `Could not connect (${err.message})`;
  }
});
$('#reply').addEventListener('submit', async (e) => {
  e.preventDefault();
  const body = $('#reply-text').value.trim();
  if (!body || !current) return;
  // On failure the reply stays in the box: nothing is lost, and the staff member knows it did not go.
  if (!(await attempt('Your reply was not sent', () => call(`/staff/conversations/${current.id}/messages`, { method: 'POST', body: JSON.stringify({ body }) })))) return;
  $('#reply-text').value = '';
  void call(`/staff/conversations/${current.id}/typing`, { method: 'POST', body: JSON.stringify({ typing: false }) });
});
$('#reply-text').addEventListener('input', () => {
  if (!current || Date.now() - typingSent < 3000) return;
  typingSent = Date.now();
  void call(`/staff/conversations/${current.id}/typing`, { method: 'POST', body: JSON.stringify({ typing: true }) });
});
$('#handled').addEventListener('click', async () => {
  if (!current) return;
  const handled = $('#handled').getAttribute('aria-pressed') !== 'true';
  if (!(await attempt('Could not change “Handled”', () => call(`/staff/conversations/${current.id}/handled`, { method: 'POST', body: JSON.stringify({ handled }) })))) return;
  current.handled = handled;
  renderList();
  // A toggle button keeps its name ("Handled"); aria-pressed says whether it is on.
  $('#handled').setAttribute('aria-pressed', String(handled));
});
