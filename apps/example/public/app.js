// The example receiver's page: plain DOM, no framework, no build step.
'use strict';

const PAGE_SIZE = 50;
const MAX_ROWS = 500;

const $ = id => document.getElementById(id);
const state = {
  provider: '',
  type: '',
  nextCursor: null,
  keys: new Set(),
  types: new Set(),
  providers: new Set(),
  selected: null,
  lastFocus: null,
};

const keyOf = event => `${event.provider}:${event.id}`;

async function getJson(url, init) {
  const response = await fetch(url, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = body?.error?.message ?? `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

function text(tag, value, className) {
  const element = document.createElement(tag);
  element.textContent = value ?? '';
  if (className) element.className = className;
  return element;
}

function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function matchesFilter(event) {
  return (
    (state.provider === '' || event.provider === state.provider) &&
    (state.type === '' || event.type === state.type)
  );
}

function rememberFacets(event) {
  if (!state.types.has(event.type)) {
    state.types.add(event.type);
    const option = document.createElement('option');
    option.value = event.type;
    $('known-types').append(option);
  }
  addProviderOption(event.provider);
}

function addProviderOption(provider) {
  if (state.providers.has(provider)) return;
  state.providers.add(provider);
  const option = document.createElement('option');
  option.value = provider;
  option.textContent = provider;
  $('filter-provider').append(option);
}

function renderRow(event, { fresh = false } = {}) {
  const row = document.createElement('tr');
  const key = keyOf(event);
  row.dataset.key = key;
  row.dataset.provider = event.provider;
  row.dataset.type = event.type;
  if (fresh) row.className = 'fresh';

  const typeCell = document.createElement('td');
  const open = text('button', event.type, 'link');
  open.type = 'button';
  open.setAttribute(
    'aria-label',
    `Details of ${event.type} from ${event.provider}, ${event.id}`,
  );
  open.addEventListener('click', () => openDetail(event.provider, event.id));
  typeCell.append(open);
  if ('issues' in event) typeCell.append(text('span', 'invalid', 'badge'));

  row.append(
    typeCell,
    text('td', event.provider),
    text('td', event.nativeType),
    text(
      'td',
      event.subject ? `${event.subject.type} ${event.subject.id}` : '',
    ),
    text('td', event.status ?? ''),
    text('td', formatTime(event.receivedAt)),
  );
  return row;
}

function updateEmpty() {
  $('events-empty').hidden = $('events').children.length > 0;
}

function appendEvents(events) {
  const fragment = document.createDocumentFragment();
  for (const event of events) {
    rememberFacets(event);
    const key = keyOf(event);
    if (state.keys.has(key)) continue;
    state.keys.add(key);
    fragment.append(renderRow(event));
  }
  $('events').append(fragment);
  updateEmpty();
}

let announced = 0;
let announceTimer;
function announce() {
  announced += 1;
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    $('live-region').textContent =
      announced === 1 ? '1 new event' : `${announced} new events`;
    announced = 0;
  }, 1000);
}

function prependEvent(event) {
  rememberFacets(event);
  if (!matchesFilter(event)) return;
  const key = keyOf(event);
  if (state.keys.has(key)) return;
  state.keys.add(key);
  const tbody = $('events');
  tbody.prepend(renderRow(event, { fresh: true }));
  while (tbody.children.length > MAX_ROWS) {
    const last = tbody.lastElementChild;
    state.keys.delete(last.dataset.key);
    last.remove();
  }
  updateEmpty();
  announce();
}

async function loadEvents({ reset }) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (state.provider) params.set('provider', state.provider);
  if (state.type) params.set('type', state.type);
  if (!reset && state.nextCursor) params.set('cursor', state.nextCursor);
  const page = await getJson(`/api/events?${params}`);
  if (reset) {
    state.keys.clear();
    $('events').replaceChildren();
  }
  appendEvents(page.events);
  state.nextCursor = page.nextCursor;
  $('load-more').hidden = !page.nextCursor;
}

async function loadCounts() {
  const { providers } = await getJson('/api/counts');
  const list = $('counts');
  list.replaceChildren();
  const names = new Set([...state.providers, ...Object.keys(providers)]);
  for (const name of [...names].sort()) {
    const entry = providers[name] ?? { total: 0, states: {} };
    const item = document.createElement('li');
    item.dataset.provider = name;
    item.append(text('span', name), text('strong', String(entry.total)));
    const quarantined = entry.states.quarantined ?? 0;
    const failed = entry.states.failed ?? 0;
    if (quarantined)
      item.append(text('span', `${quarantined} quarantined`, 'badge'));
    if (failed) item.append(text('span', `${failed} failed`, 'badge'));
    list.append(item);
  }
}

async function loadQuarantine() {
  const { events } = await getJson('/api/quarantine?limit=100');
  const list = $('quarantine');
  list.replaceChildren();
  for (const event of events) {
    const item = document.createElement('li');
    const key = keyOf(event);
    item.dataset.key = key;
    const summary = document.createElement('div');
    summary.append(
      text('strong', `${event.provider} ${event.nativeType}`),
      text('span', ` ${event.id}`, 'muted'),
      text(
        'div',
        (event.issues ?? [])
          .slice(0, 3)
          .map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
          .join('; '),
        'muted',
      ),
    );
    const replay = text('button', 'Replay');
    replay.type = 'button';
    replay.setAttribute(
      'aria-label',
      `Replay ${event.provider} event ${event.id}`,
    );
    replay.addEventListener('click', () => replayEvent(key, replay));
    item.append(summary, replay);
    list.append(item);
  }
  $('quarantine-empty').hidden = events.length > 0;
}

async function replayEvent(key, button) {
  button.disabled = true;
  const status = $('quarantine-status');
  status.textContent = `Replaying ${key}…`;
  try {
    const result = await getJson(
      `/api/quarantine/${encodeURIComponent(key)}/replay`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
    );
    status.textContent =
      result.state === 'quarantined'
        ? `${key} is still invalid: it stays in quarantine.`
        : `${key} is valid now (${result.state}).`;
  } catch (error) {
    status.textContent = `Replay of ${key} failed: ${error.message}`;
  } finally {
    button.disabled = false;
    await Promise.all([loadQuarantine(), loadCounts()]).catch(() => {});
  }
}

const pretty = value => JSON.stringify(value, null, 2);

async function openDetail(provider, id) {
  const base = `/api/events/${encodeURIComponent(provider)}/${encodeURIComponent(id)}`;
  state.lastFocus = document.activeElement;
  const section = $('detail');
  section.hidden = false;
  $('detail-heading').textContent = `Loading ${provider} event…`;
  $('detail-heading').focus();
  try {
    const [envelope, delivery, cloudEvent] = await Promise.all([
      getJson(base),
      getJson(`${base}/delivery`),
      getJson(`${base}/cloudevent`),
    ]);
    $('detail-heading').textContent = `${envelope.type} · ${provider}`;
    $('detail-state').textContent =
      `State: ${delivery.state} · handler runs: ${delivery.attempts}` +
      (delivery.lastError ? ` · last error: ${delivery.lastError}` : '');
    $('detail-envelope').textContent = pretty(envelope);
    let body = delivery.delivery.body;
    if (delivery.delivery.bodyEncoding === 'utf8') {
      try {
        body = JSON.parse(body);
      } catch {
        // not JSON: show it as sent
      }
    }
    $('detail-delivery').textContent = pretty({ ...delivery.delivery, body });
    $('detail-cloudevent').textContent = pretty(cloudEvent);
    for (const row of $('events').children) {
      if (row.dataset.key === `${provider}:${id}`) {
        row.setAttribute('aria-current', 'true');
      } else {
        row.removeAttribute('aria-current');
      }
    }
  } catch (error) {
    $('detail-heading').textContent =
      `Could not load the event: ${error.message}`;
  }
}

function closeDetail() {
  $('detail').hidden = true;
  state.lastFocus?.focus?.();
}

function connect() {
  const pill = $('connection');
  const source = new EventSource('/api/stream');
  let wasDown = false;
  source.addEventListener('open', () => {
    pill.textContent = 'live';
    pill.dataset.state = 'live';
    if (wasDown) {
      // Events stored while disconnected: reload what is shown.
      void loadEvents({ reset: true });
      scheduleRefresh();
    }
  });
  source.addEventListener('error', () => {
    wasDown = true;
    pill.textContent = 'reconnecting…';
    pill.dataset.state = 'down';
  });
  source.addEventListener('stored', message => {
    const { event, state: stored } = JSON.parse(message.data);
    prependEvent(event);
    scheduleRefresh(stored === 'quarantined');
  });
  source.addEventListener('updated', () => scheduleRefresh(true));
}

let refreshTimer;
let refreshQuarantine = false;
function scheduleRefresh(quarantine = false) {
  refreshQuarantine ||= quarantine;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    const work = [loadCounts()];
    if (refreshQuarantine) work.push(loadQuarantine());
    refreshQuarantine = false;
    Promise.all(work).catch(() => {});
  }, 300);
}

async function init() {
  $('filters').addEventListener('submit', event => {
    event.preventDefault();
    state.provider = $('filter-provider').value;
    state.type = $('filter-type').value.trim();
    void loadEvents({ reset: true });
  });
  $('filter-provider').addEventListener('change', () => {
    state.provider = $('filter-provider').value;
    void loadEvents({ reset: true });
  });
  $('filter-clear').addEventListener('click', () => {
    $('filter-provider').value = '';
    $('filter-type').value = '';
    state.provider = '';
    state.type = '';
    void loadEvents({ reset: true });
  });
  $('load-more').addEventListener('click', () => loadEvents({ reset: false }));
  $('detail-close').addEventListener('click', closeDetail);
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && !$('detail').hidden) closeDetail();
  });

  const info = await getJson('/api/info');
  for (const provider of info.providers) addProviderOption(provider);
  $('store-kind').textContent = info.store;
  $('demo-banner').hidden = !info.demo;
  $('no-providers').hidden = info.providers.length > 0;

  connect();
  await Promise.all([
    loadEvents({ reset: true }),
    loadCounts(),
    loadQuarantine(),
  ]);
  document.body.dataset.ready = 'true';
}

init().catch(error => {
  $('connection').textContent = `error: ${error.message}`;
});
