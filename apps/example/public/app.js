// The operator console: plain DOM and SVG, no framework, no build step.
'use strict';

const PAGE_SIZE = 50;
const MAX_ROWS = 500;
const MAX_REFUSED = 200;
const MINUTE = 60_000;
const WINDOW = 60;
const OUTCOMES = ['accepted', 'duplicate', 'invalid', 'refused', 'failed'];
const OUTCOME_LABELS = {
  accepted: 'accepted',
  duplicate: 'duplicate',
  invalid: 'invalid (quarantined)',
  refused: 'refused',
  failed: 'failed (5xx)',
};
const SVG = 'http://www.w3.org/2000/svg';

const $ = id => document.getElementById(id);
const state = {
  provider: '',
  type: '',
  nextCursor: null,
  keys: new Set(),
  types: new Set(),
  providers: new Set(),
  lastFocus: null,
  detail: null,
  detailToken: 0,
  // Per-minute counts: minute (ms) → { provider: { outcome: n } }.
  minutes: new Map(),
  clockOffset: 0,
  chartProvider: '',
  chartProviders: new Set(),
  refusedSeq: 0,
};

const keyOf = event => `${event.provider}:${event.id}`;
const eventHref = (provider, id) =>
  `#/events/${encodeURIComponent(provider)}/${encodeURIComponent(id)}`;
const clipText = (value, max) =>
  value.length > max ? `${value.slice(0, max)}…` : value;

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

/** A table cell cut to its column, the whole value in its title. */
function cell(value, className) {
  const td = text('td', value);
  if (value) td.title = value;
  if (className) td.className = className;
  return td;
}

function formatTime(iso, { seconds = true } = {}) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay = date.toDateString() === new Date().toDateString();
  const time = date.toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds && { second: '2-digit' }),
  });
  return sameDay ? time : `${date.toLocaleDateString()} ${time}`;
}

function addOption(select, value) {
  const option = document.createElement('option');
  option.value = value;
  option.textContent = value;
  $(select).append(option);
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
  addProvider(event.provider);
}

function addProvider(provider) {
  if (state.providers.has(provider)) return;
  state.providers.add(provider);
  addOption('filter-provider', provider);
  addChartProvider(provider);
}

// The chart also shows requests outside every provider's route (`none`).
function addChartProvider(provider) {
  if (state.chartProviders.has(provider)) return;
  state.chartProviders.add(provider);
  addOption('chart-provider', provider);
}

// ---- Events ---------------------------------------------------------------

function renderRow(event, { fresh = false } = {}) {
  const row = document.createElement('tr');
  row.dataset.key = keyOf(event);
  row.dataset.provider = event.provider;
  row.dataset.type = event.type;
  if (fresh) row.className = 'fresh';

  const typeCell = document.createElement('td');
  const open = document.createElement('a');
  open.href = eventHref(event.provider, event.id);
  if ('issues' in event) open.append(text('span', 'invalid', 'badge'), ' ');
  open.append(event.type);
  open.title = event.type;
  open.setAttribute(
    'aria-label',
    `Details of ${event.type} from ${event.provider}, ${clipText(event.id, 40)}`,
  );
  typeCell.append(open);

  const subject = event.subject
    ? `${event.subject.type} ${event.subject.id}`
    : '';
  const received = cell(formatTime(event.receivedAt));
  received.title = event.receivedAt;
  row.append(
    typeCell,
    cell(event.provider),
    cell(event.nativeType),
    cell(subject, 'sel'),
    cell(event.status ?? ''),
    cell(event.id, 'sel'),
    received,
  );
  if (state.detail?.key === row.dataset.key)
    row.setAttribute('aria-current', 'true');
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

// ---- Quarantine -----------------------------------------------------------

async function loadQuarantine() {
  const { events } = await getJson('/api/quarantine?limit=100');
  const list = $('quarantine');
  list.replaceChildren();
  for (const event of events) {
    const item = document.createElement('li');
    const key = keyOf(event);
    item.dataset.key = key;
    const summary = document.createElement('div');
    const link = text('a', `${event.provider} ${event.nativeType}`);
    link.href = eventHref(event.provider, event.id);
    summary.append(
      link,
      text('span', ` ${event.id}`, 'muted'),
      text('div', issuesText(event.issues), 'muted'),
    );
    const replay = text('button', 'Replay');
    replay.type = 'button';
    replay.setAttribute(
      'aria-label',
      `Replay ${event.provider} event ${clipText(event.id, 40)}`,
    );
    replay.addEventListener('click', () =>
      replayEvent(key, replay, $('quarantine-status')),
    );
    item.append(summary, replay);
    list.append(item);
  }
  $('quarantine-empty').hidden = events.length > 0;
}

const issuesText = issues =>
  (issues ?? [])
    .slice(0, 3)
    .map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');

async function replayEvent(key, button, status) {
  button.disabled = true;
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

// ---- Deliveries per minute (SVG) -------------------------------------------

function mergeMinutes(minutes, now) {
  if (now) state.clockOffset = now - Date.now();
  for (const { minute, providers } of minutes) {
    state.minutes.set(minute, providers);
    for (const provider of Object.keys(providers)) addChartProvider(provider);
  }
  scheduleChart();
}

async function loadStats() {
  const snapshot = await getJson('/api/stats/deliveries');
  state.minutes.clear();
  mergeMinutes(snapshot.minutes, snapshot.now);
}

let chartFrame = 0;
function scheduleChart() {
  if (!chartFrame) chartFrame = requestAnimationFrame(renderChart);
}

function svg(tag, attributes, parent) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes))
    element.setAttribute(name, String(value));
  parent?.append(element);
  return element;
}

function renderChart() {
  chartFrame = 0;
  const end = Math.floor((Date.now() + state.clockOffset) / MINUTE) * MINUTE;
  for (const minute of state.minutes.keys())
    if (minute <= end - WINDOW * MINUTE) state.minutes.delete(minute);
  const only = state.chartProvider;
  const columns = [];
  const totals = Object.fromEntries(OUTCOMES.map(o => [o, 0]));
  let max = 0;
  for (let i = WINDOW - 1; i >= 0; i--) {
    const minute = end - i * MINUTE;
    const counts = Object.fromEntries(OUTCOMES.map(o => [o, 0]));
    for (const [provider, byOutcome] of Object.entries(
      state.minutes.get(minute) ?? {},
    )) {
      if (only && provider !== only) continue;
      for (const o of OUTCOMES) counts[o] += byOutcome[o] ?? 0;
    }
    let sum = 0;
    for (const o of OUTCOMES) {
      totals[o] += counts[o];
      sum += counts[o];
    }
    max = Math.max(max, sum);
    columns.push({ minute, counts, sum });
  }

  const [W, H, left, bottom, top] = [960, 200, 40, 22, 10];
  const plot = H - bottom - top;
  const scale = niceMax(max);
  const step = (W - left - 4) / WINDOW;
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'aria-label': `Deliveries per minute over the last hour${
      only ? ` for ${only}` : ''
    }: ${OUTCOMES.map(o => `${totals[o]} ${o}`).join(', ')}.`,
  });
  for (const o of OUTCOMES) root.dataset[o] = String(totals[o]);
  root.dataset.total = String(all);
  for (const fraction of [0, 0.5, 1]) {
    const y = top + plot - fraction * plot;
    svg('line', { x1: left, x2: W, y1: y, y2: y }, root);
    const label = svg(
      'text',
      { x: left - 6, y: y + 4, 'text-anchor': 'end' },
      root,
    );
    label.textContent = String(Math.round(scale * fraction));
  }
  columns.forEach(({ minute, counts, sum }, index) => {
    const x = left + index * step + 1;
    if (index % 15 === 0 || index === WINDOW - 1) {
      const label = svg(
        'text',
        { x: x + step / 2, y: H - 6, 'text-anchor': 'middle' },
        root,
      );
      label.textContent =
        index === WINDOW - 1
          ? 'now'
          : formatTime(new Date(minute).toISOString(), { seconds: false });
    }
    if (sum === 0) return;
    const group = svg('g', { 'data-minute': minute }, root);
    const title = svg('title', {}, group);
    title.textContent = `${formatTime(new Date(minute).toISOString(), { seconds: false })}: ${OUTCOMES.filter(
      o => counts[o],
    )
      .map(o => `${counts[o]} ${OUTCOME_LABELS[o]}`)
      .join(', ')}`;
    let y = top + plot;
    for (const o of OUTCOMES) {
      if (!counts[o]) continue;
      const height = Math.max((counts[o] / scale) * plot, 1.5);
      y -= height;
      svg(
        'rect',
        {
          x,
          y,
          width: Math.max(step - 3, 1),
          height,
          class: `o-${o}`,
          'data-outcome': o,
          'data-count': counts[o],
        },
        group,
      );
    }
  });
  $('chart').replaceChildren(root);

  const legend = $('legend');
  legend.replaceChildren(
    ...OUTCOMES.map(o => {
      const item = document.createElement('li');
      item.dataset.outcome = o;
      item.append(
        text('span', '', `swatch o-${o}`),
        `${OUTCOME_LABELS[o]} `,
        text('strong', String(totals[o])),
      );
      return item;
    }),
  );
}

function niceMax(value) {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10])
    if (factor * magnitude >= value) return factor * magnitude;
  return value;
}

// ---- Refused deliveries -----------------------------------------------------

function renderRefusedRow(entry, fresh) {
  const row = document.createElement('tr');
  row.dataset.seq = String(entry.seq);
  row.dataset.code = entry.code;
  if (fresh) row.className = 'fresh';
  const time = cell(formatTime(entry.at));
  time.title = entry.at;
  const reason = document.createElement('td');
  reason.append(text('strong', entry.summary), text('small', entry.message));
  row.append(
    time,
    cell(entry.provider),
    cell(`${entry.method} ${entry.path}`),
    cell(String(entry.status)),
    reason,
  );
  return row;
}

function renderRefusedCounts(counts, total) {
  $('refused-reasons').replaceChildren(
    ...counts.map(reason => {
      const item = document.createElement('li');
      item.dataset.code = reason.code;
      item.dataset.provider = reason.provider;
      item.title = `${reason.code}, latest ${reason.lastAt}`;
      item.append(
        text('span', `${reason.provider} · `, 'muted'),
        `${reason.summary} `,
        text('strong', `×${reason.count}`),
      );
      return item;
    }),
  );
  const badge = $('refused-total');
  badge.textContent = String(total);
  badge.toggleAttribute('data-alert', total > 0);
  $('nav-refused').setAttribute('aria-label', `Refused deliveries: ${total}`);
}

function addRefused(entries, fresh) {
  const tbody = $('refused');
  const fragment = document.createDocumentFragment();
  // Entries come newest first; keep only those not shown yet.
  for (const entry of entries) {
    if (entry.seq <= state.refusedSeq) break;
    fragment.append(renderRefusedRow(entry, fresh));
  }
  if (entries.length > 0)
    state.refusedSeq = Math.max(state.refusedSeq, entries[0].seq);
  tbody.prepend(fragment);
  while (tbody.children.length > MAX_REFUSED) tbody.lastElementChild.remove();
  $('refused-empty').hidden = tbody.children.length > 0;
}

async function loadRefused() {
  const data = await getJson(`/api/refused?limit=${MAX_REFUSED}`);
  state.refusedSeq = 0;
  $('refused').replaceChildren();
  addRefused(data.entries, false);
  renderRefusedCounts(data.counts, data.total);
}

let refusedReload;
function onRefused({ entries, counts, total }) {
  // More arrived than one message carries: fetch the whole list once.
  const oldest = entries.at(-1);
  if (oldest && oldest.seq > state.refusedSeq + 1) {
    clearTimeout(refusedReload);
    refusedReload = setTimeout(() => loadRefused().catch(() => {}), 1000);
  }
  addRefused(entries, true);
  renderRefusedCounts(counts, total);
}

// ---- Event detail (#/events/<provider>/<id>) -------------------------------

function parseRoute(hash) {
  const match = /^#\/events\/([^/]+)\/([^/]+)$/.exec(hash);
  if (!match) return null;
  try {
    const provider = decodeURIComponent(match[1]);
    const id = decodeURIComponent(match[2]);
    return { provider, id, key: `${provider}:${id}` };
  } catch {
    return null;
  }
}

function copyButton(value, label) {
  const button = text('button', 'Copy');
  button.type = 'button';
  button.setAttribute('aria-label', `Copy ${label}`);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(value);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Select it';
    }
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  });
  return button;
}

function facts(dl, rows) {
  $(dl).replaceChildren();
  for (const [label, value, copy] of rows) {
    if (value === undefined || value === null || value === '') continue;
    const dd = document.createElement('dd');
    dd.append(text('span', String(value), copy ? 'sel' : ''));
    if (copy) dd.append(copyButton(String(value), label));
    $(dl).append(text('dt', label), dd);
  }
}

const pretty = value => JSON.stringify(value, null, 2);

function renderDetail(envelope, delivery, cloudEvent) {
  const { authenticity = {}, identity = {}, subject } = envelope;
  $('detail-heading').textContent = `${envelope.type} · ${envelope.provider}`;
  $('detail-state').textContent =
    `${delivery.state} · handler runs: ${delivery.attempts}` +
    (delivery.lastError ? ` · last error: ${delivery.lastError}` : '');
  facts('detail-facts', [
    ['Id', envelope.id, true],
    ['Provider', envelope.provider],
    ['Type', envelope.type],
    ['Native type', envelope.nativeType],
    ['Subject', subject && `${subject.type} ${subject.id}`, true],
    ['Status', envelope.status],
    ['Normalized', envelope.normalizedStatus],
    ['Occurred', envelope.occurredAt],
    ['Received', envelope.receivedAt],
    ['Live mode', envelope.livemode],
    ['Account', envelope.account],
    [
      'Identity',
      identity.source &&
        `${identity.source}${identity.windowMs ? ` (window ${Math.round(identity.windowMs / 3_600_000)} h)` : ''}`,
    ],
    ['Dedup key', identity.key, true],
  ]);

  const flags = $('detail-authenticity');
  flags.replaceChildren(
    text('li', `Scheme: ${authenticity.scheme ?? 'unknown'}`),
  );
  for (const [flag, label] of [
    ['body', 'Body (data)'],
    ['type', 'Event type'],
    ['subject', 'Subject'],
    ['timestamp', 'Signed timestamp'],
    ['url', 'URL (method, host, path, query)'],
  ]) {
    if (authenticity[flag] === undefined) continue;
    const item = text(
      'li',
      `${label}: ${authenticity[flag] ? 'authenticated' : 'not authenticated'}`,
    );
    item.dataset.flag = flag;
    item.dataset.covered = String(authenticity[flag]);
    flags.append(item);
  }
  flags.append(
    text(
      'li',
      `Headers covered: ${(authenticity.headers ?? []).join(', ') || 'none'}`,
    ),
  );

  facts('detail-processing', [
    ['State', delivery.state],
    ['Handler runs', delivery.attempts],
    ['Next attempt', delivery.nextAttemptAt],
    ['Last error', delivery.lastError],
    ['Schema issues', issuesText(envelope.issues)],
  ]);
  $('detail-replay').hidden = delivery.state !== 'quarantined';

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
}

async function loadDetail(route, { focus }) {
  const token = ++state.detailToken;
  const base = `/api/events/${encodeURIComponent(route.provider)}/${encodeURIComponent(route.id)}`;
  if (focus) {
    $('detail-heading').textContent = `Loading ${route.provider} event…`;
    for (const id of [
      'detail-envelope',
      'detail-delivery',
      'detail-cloudevent',
    ])
      $(id).textContent = '';
    $('detail-replay-status').textContent = '';
    $('detail-heading').focus();
  }
  try {
    const [envelope, delivery, cloudEvent] = await Promise.all([
      getJson(base),
      getJson(`${base}/delivery`),
      getJson(`${base}/cloudevent`),
    ]);
    if (token !== state.detailToken) return;
    renderDetail(envelope, delivery, cloudEvent);
    document.body.dataset.detail = route.key;
  } catch (error) {
    if (token !== state.detailToken) return;
    $('detail-heading').textContent =
      `Could not load ${route.provider} event ${clipText(route.id, 80)}: ${error.message}`;
  }
}

function markCurrent(key) {
  for (const row of $('events').children) {
    if (row.dataset.key === key) row.setAttribute('aria-current', 'true');
    else row.removeAttribute('aria-current');
  }
}

/** Shows the view the URL names: an event's detail, or the console. */
function route() {
  const detail = parseRoute(location.hash);
  if (detail) {
    const focus = state.detail?.key !== detail.key;
    if (!state.detail) state.lastFocus = document.activeElement;
    state.detail = detail;
    $('console').hidden = true;
    $('detail').hidden = false;
    markCurrent(detail.key);
    if (focus) {
      delete document.body.dataset.detail;
      window.scrollTo(0, 0);
    }
    void loadDetail(detail, { focus });
    return;
  }
  const wasOpen = state.detail !== null;
  state.detail = null;
  state.detailToken += 1;
  delete document.body.dataset.detail;
  $('detail').hidden = true;
  $('console').hidden = false;
  markCurrent(null);
  const target = location.hash.length > 1 && $(location.hash.slice(1));
  if (target) {
    target.scrollIntoView();
    target.focus?.({ preventScroll: true });
  } else if (wasOpen) {
    state.lastFocus?.focus?.();
  }
}

function closeDetail() {
  history.pushState(null, '', location.pathname + location.search);
  route();
}

// ---- Live stream ------------------------------------------------------------

function connect() {
  const pill = $('connection');
  const source = new EventSource('/api/stream');
  let wasDown = false;
  const on = (name, handle) =>
    source.addEventListener(name, message => handle(JSON.parse(message.data)));
  source.addEventListener('open', () => {
    pill.textContent = 'live';
    pill.dataset.state = 'live';
    if (wasDown) {
      // Missed while disconnected: reload what is shown.
      void loadEvents({ reset: true });
      void loadStats().catch(() => {});
      void loadRefused().catch(() => {});
      scheduleRefresh(true);
    }
  });
  source.addEventListener('error', () => {
    wasDown = true;
    pill.textContent = 'reconnecting…';
    pill.dataset.state = 'down';
  });
  on('stored', ({ event, state: stored }) => {
    prependEvent(event);
    scheduleRefresh(stored === 'quarantined');
  });
  on('updated', notice => {
    scheduleRefresh(true);
    if (state.detail?.key === `${notice.provider}:${notice.id}`)
      void loadDetail(state.detail, { focus: false });
  });
  on('deliveries', ({ minutes, now }) => mergeMinutes(minutes, now));
  on('refused', onRefused);
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
  $('chart-provider').addEventListener('change', () => {
    state.chartProvider = $('chart-provider').value;
    scheduleChart();
  });
  $('load-more').addEventListener('click', () => loadEvents({ reset: false }));
  $('detail-close').addEventListener('click', closeDetail);
  $('detail-replay').addEventListener('click', async () => {
    const detail = state.detail;
    if (!detail) return;
    await replayEvent(
      detail.key,
      $('detail-replay'),
      $('detail-replay-status'),
    );
    if (state.detail?.key === detail.key)
      await loadDetail(detail, { focus: false });
  });
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && state.detail) closeDetail();
  });
  window.addEventListener('hashchange', route);
  // The chart's "now" moves on without traffic.
  setInterval(scheduleChart, 15_000);

  const info = await getJson('/api/info');
  for (const provider of info.providers) addProvider(provider);
  $('store-kind').textContent = info.store;
  if (info.relay) pollRelay();
  $('demo-banner').hidden = !info.demo;
  $('no-providers').hidden = info.providers.length > 0;

  connect();
  route();
  await Promise.all([
    loadEvents({ reset: true }),
    loadCounts(),
    loadQuarantine(),
    loadStats(),
    loadRefused(),
  ]);
  document.body.dataset.ready = 'true';
}

// The NATS relay (NATS_URL): its lag, every 2 s (/api/info says if it runs).
async function pollRelay() {
  const pill = $('relay-lag');
  const response = await fetch('/api/relay').catch(() => undefined);
  if (response?.status === 404) return;
  if (response?.ok) {
    const relay = await response.json();
    const seconds = relay.lagSeconds.toFixed(1);
    pill.textContent = relay.connected
      ? `NATS relay lag: ${relay.lagEvents} events · ${seconds} s`
      : `NATS relay: reconnecting (${relay.lagEvents} waiting)`;
    pill.title = `${relay.published} published to ${relay.stream}, ${relay.errors} errors`;
    pill.hidden = false;
  }
  setTimeout(pollRelay, 2000);
}

init().catch(error => {
  $('connection').textContent = `error: ${error.message}`;
});
