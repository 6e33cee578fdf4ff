// The privacy officer's page of the consent-log server: sign in with the server's token,
// look up a consent id (each decision with the texts its visitor saw), see decisions per
// day by method and per config revision, and export a range. Plain DOM code with no
// third-party request, no inline script or style (the server sends `default-src 'self'`),
// and no innerHTML: receipts come from the public, so every text goes in as text.

// Which services of a required category still wait for consent: the rule of
// src/core/necessary.ts, as built into dist/ and served by the log server next to this file.
import { necessaryDoubt } from './lib/necessary.js';

const TOKEN_KEY = 'consent-log-token';
/** The API lives where this page is served (the handler may be mounted under a prefix). */
const apiBase = new URL('.', location.href);
const SVG = 'http://www.w3.org/2000/svg';
const CONSENT_ID = /^[0-9A-Za-z]{10}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The six decision methods, as the tables name them and as a receipt describes them. */
const METHODS = [
  { id: 'accept-all', column: 'Accept all', words: 'Accepted all ("Accept all" in the dialog)' },
  { id: 'reject-all', column: 'Reject all', words: 'Refused all optional services ("Reject all" in the dialog)' },
  { id: 'custom', column: 'Custom', words: 'Own choice of categories or services in the settings' },
  { id: 'placeholder', column: 'Placeholder', words: 'Allowed one service from its content placeholder ("Always allow"); other choices kept' },
  { id: 'gpc', column: 'GPC', words: 'Browser signal Global Privacy Control: everything undecided refused, without asking' },
  { id: 'dnt', column: 'DNT', words: 'Browser signal Do Not Track: everything undecided refused, without asking' },
];

/**
 * The chart's series: GPC and DNT share one (both are the browser refusing for the
 * visitor); the table keeps them apart. Colours have at least 3:1 against white and
 * differ for the common colour-vision deficiencies; each series also has its own pattern.
 */
const SERIES = [
  { id: 'accept-all', label: 'Accept all', methods: ['accept-all'], colour: '#005a9c', marks: null },
  { id: 'reject-all', label: 'Reject all', methods: ['reject-all'], colour: '#b34700', marks: 'diagonal' },
  { id: 'custom', label: 'Custom', methods: ['custom'], colour: '#00745a', marks: 'dots' },
  { id: 'placeholder', label: 'Placeholder', methods: ['placeholder'], colour: '#7b3f9e', marks: 'horizontal' },
  { id: 'signal', label: 'GPC or DNT signal', methods: ['gpc', 'dnt'], colour: '#5c5c00', marks: 'cross' },
];

const $ = (id) => document.getElementById(id);

/** An element with attributes (`text` sets its text) and children (strings become text). */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}
function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  setAttributes(element, attributes);
  element.append(...children.filter(Boolean));
  return element;
}
function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

// ---- Formatting -------------------------------------------------------------------------

const numberFormat = new Intl.NumberFormat();
const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
let languageNames;
try {
  languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
} catch {
  languageNames = null;
}

const count = (n) => numberFormat.format(n);
const plural = (n, one, many) => `${count(n)} ${n === 1 ? one : many}`;
const utcTime = (date) => `${date.toISOString().replace('T', ' ').replace('Z', '')} UTC`;
const dayDate = (day) => new Date(`${day}T00:00:00Z`);
const isoDay = (date) => date.toISOString().slice(0, 10);
const languageName = (code) => {
  const name = languageNames?.of(code);
  return name && name !== code ? `${name} (${code})` : code;
};

/** A config text as the visitor saw it, and its language: a plain string, or the receipt's language, else English, else the first. */
function pick(value, lang) {
  if (typeof value === 'string') return { text: value, lang: null };
  if (!value || typeof value !== 'object') return { text: '', lang: null };
  for (const key of [lang, 'en']) if (typeof value[key] === 'string') return { text: value[key], lang: key };
  const first = Object.entries(value).find(([, text]) => typeof text === 'string');
  return first ? { text: first[1], lang: first[0] } : { text: '', lang: null };
}
const textIn = (value, lang) => pick(value, lang).text;
/** A config text as a node; in a language other than the page's English, marked so screen readers switch voice. */
function textNode(value, lang) {
  const { text, lang: shown } = pick(value, lang);
  return shown && shown !== 'en' && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(shown) ? el('span', { lang: shown, text }) : document.createTextNode(text);
}

// ---- Token and API ---------------------------------------------------------------------

let token = null;
try {
  token = sessionStorage.getItem(TOKEN_KEY);
} catch {
  token = null;
}
function keepToken(value) {
  token = value;
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage switched off: the token lives in this page only.
  }
}

class Unauthorized extends Error {}
class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** A request to the log server with the token in the header (never in the URL). */
async function api(path, params = {}) {
  const url = new URL(path, apiBase);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  let response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new ApiError(0, 'The consent-log server cannot be reached. Check the connection and try again.');
  }
  if (response.status === 401) throw new Unauthorized('The server did not accept the token.');
  if (!response.ok) {
    let message = `The server answered with status ${response.status}.`;
    try {
      const body = await response.json();
      if (typeof body?.error === 'string') message = `The server answered with status ${response.status}: ${body.error}`;
    } catch {
      // No JSON body: the status says enough.
    }
    throw new ApiError(response.status, message);
  }
  return response;
}

/**
 * A live region's text and state (`loading`, `done`, `empty`, `error`; tests wait on it).
 * `quiet`: the text is shown at its field already, so the region only announces it.
 */
function say(region, state, text, { quiet = false } = {}) {
  region.dataset.state = state;
  region.classList.toggle('is-error', state === 'error');
  region.classList.toggle('visually-hidden', quiet);
  region.textContent = text;
}

function showFieldError(input, errorElement, message) {
  errorElement.textContent = message;
  errorElement.hidden = false;
  input.setAttribute('aria-invalid', 'true');
}
function clearFieldError(input, errorElement) {
  errorElement.textContent = '';
  errorElement.hidden = true;
  input.removeAttribute('aria-invalid');
}

// ---- Signing in and out ----------------------------------------------------------------

const signInSection = $('sign-in');
const signedIn = $('signed-in');
const signOutButton = $('sign-out');
const tokenForm = $('token-form');
const tokenInput = $('token');
const tokenError = $('token-error');
const pageStatus = $('page-status');

function showSignedIn() {
  signInSection.hidden = true;
  signedIn.hidden = false;
  signOutButton.hidden = false;
}

/** Forgets the token and everything shown with it; `message` says why (an error) or confirms. */
function signOut(message, isError = false) {
  keepToken(null);
  lookupRun++;
  statsRun++;
  $('lookup-result').replaceChildren();
  say($('lookup-status'), 'idle', '');
  say($('stats-status'), 'idle', '');
  say($('export-status'), 'idle', '');
  $('consent-id').value = '';
  clearStats();
  signedIn.hidden = true;
  signOutButton.hidden = true;
  signInSection.hidden = false;
  tokenInput.value = '';
  if (isError) showFieldError(tokenInput, tokenError, message);
  else clearFieldError(tokenInput, tokenError);
  say(pageStatus, isError ? 'error' : 'done', message, { quiet: isError });
  tokenInput.focus();
}

/** What every request does on an error: a refused token signs out; anything else is said in `region`. */
function report(error, region) {
  if (error instanceof Unauthorized) {
    signOut('The server did not accept the token: it may have been changed. Sign in again with the current token.', true);
    return;
  }
  say(region, 'error', error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`);
}

tokenForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const value = tokenInput.value.trim();
  if (!value) {
    showFieldError(tokenInput, tokenError, 'Enter the access token.');
    say(pageStatus, 'error', 'Enter the access token to sign in.', { quiet: true });
    tokenInput.focus();
    return;
  }
  clearFieldError(tokenInput, tokenError);
  keepToken(value);
  say(pageStatus, 'loading', 'Signing in…');
  try {
    await loadStats();
  } catch (error) {
    keepToken(null);
    if (error instanceof Unauthorized) {
      showFieldError(tokenInput, tokenError, 'The server did not accept this token. Check it and try again.');
      say(pageStatus, 'error', 'Sign-in failed: the server did not accept this token.', { quiet: true });
    } else {
      say(pageStatus, 'error', `Sign-in failed. ${error.message}`);
    }
    tokenInput.focus();
    return;
  }
  tokenInput.value = '';
  showSignedIn();
  say(pageStatus, 'done', 'Signed in.');
  $('lookup-heading').focus();
});

signOutButton.addEventListener('click', () => signOut('Signed out. This tab no longer holds the token.'));

// ---- Look-up by consent id -------------------------------------------------------------

const lookupForm = $('lookup-form');
const consentInput = $('consent-id');
const consentError = $('consent-id-error');
const lookupStatus = $('lookup-status');
const lookupResult = $('lookup-result');
/** Counts look-ups, so an answer that arrives after a newer question is dropped. */
let lookupRun = 0;

lookupForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const id = consentInput.value.trim();
  const problem = !id
    ? 'Enter a consent id.'
    : id.length !== 10
      ? `A consent id has exactly 10 characters; this one has ${id.length}.`
      : !CONSENT_ID.test(id)
        ? 'A consent id has only the letters A to Z, a to z and the digits 0 to 9.'
        : null;
  if (problem) {
    showFieldError(consentInput, consentError, problem);
    say(lookupStatus, 'error', problem, { quiet: true });
    lookupResult.replaceChildren();
    consentInput.focus();
    return;
  }
  clearFieldError(consentInput, consentError);
  const run = ++lookupRun;
  lookupResult.replaceChildren();
  say(lookupStatus, 'loading', `Looking up ${id}…`);
  try {
    const response = await api(`receipts/${encodeURIComponent(id)}`);
    const body = await response.json();
    if (run !== lookupRun) return;
    const receipts = Array.isArray(body?.receipts) ? body.receipts : [];
    if (receipts.length === 0) {
      say(lookupStatus, 'empty', noReceipt(id));
      return;
    }
    lookupResult.replaceChildren(...receipts.map((receipt, index) => renderReceipt(receipt, index, receipts.length)));
    say(lookupStatus, 'done', `${plural(receipts.length, 'decision', 'decisions')} stored under ${id}, newest first.`);
  } catch (error) {
    if (run !== lookupRun) return;
    if (error instanceof ApiError && error.status === 404) say(lookupStatus, 'empty', noReceipt(id));
    else report(error, lookupStatus);
  }
});

const noReceipt = (id) =>
  `No decision is stored under the consent id ${id}. Check the id (upper and lower case differ). Decisions older than the retention period are deleted.`;

function renderReceipt(receipt, index, total) {
  const decided = new Date(receipt.decidedAt);
  const headingId = `receipt-${index}`;
  const method = METHODS.find(({ id }) => id === receipt.method);
  const snapshot = receipt.snapshot && typeof receipt.snapshot === 'object' && !receipt.snapshotMissing ? receipt.snapshot : null;
  const services = snapshot ? servicesOf(snapshot) : [];
  const serviceName = (id) => {
    const service = services.find((entry) => entry.service.id === id);
    const name = service && textIn(service.service.name, receipt.lang);
    return name && name !== id ? `${name} (${id})` : id;
  };
  const idList = (ids) => (Array.isArray(ids) && ids.length ? ids.map(serviceName).join(', ') : 'none');
  const received = receipt.receivedAt === undefined || receipt.receivedAt === null ? null : new Date(receipt.receivedAt);

  const facts = el('dl', { class: 'facts' });
  const fact = (term, ...description) => facts.append(el('dt', { text: term }), el('dd', {}, ...description));
  fact('Time', el('time', { datetime: decided.toISOString(), text: localTime.format(decided) }), el('br'), el('span', { class: 'muted', text: utcTime(decided) }));
  fact('Method', method ? method.words : String(receipt.method));
  fact('Config revision', String(receipt.revision));
  fact('Granted', idList(receipt.granted));
  fact('Refused', idList(receipt.denied));
  fact('Language', languageName(String(receipt.lang)));
  fact('Banner version', String(receipt.version));
  fact('Page', receipt.path ? el('code', { text: receipt.path }) : 'not sent');
  if (received && !Number.isNaN(received.getTime())) fact('Received', utcTime(received));
  fact('Config hash', el('code', { class: 'hash', text: String(receipt.configHash) }));

  const title = total > 1 ? `Decision ${index + 1} of ${total}: ${longDay.format(decided)}` : `Decision of ${longDay.format(decided)}`;
  return el(
    'article',
    { class: 'receipt', 'aria-labelledby': headingId },
    el('h3', { id: headingId, text: title }),
    facts,
    el('h4', { text: 'What the visitor saw' }),
    snapshot
      ? renderSnapshot(snapshot, receipt)
      : el('p', {
          class: 'notice',
          text: `The config this visitor saw (hash ${receipt.configHash}) was never uploaded: run consent-banner-check --upload on deployment.`,
        }),
  );
}

/**
 * necessaryDoubt() for a service of an uploaded snapshot, which the server keeps as it was
 * sent: the rule reads cookie names and patterns as strings, so it gets only those.
 */
function doubtOf(service, cookies) {
  const readable = cookies
    .map(({ name, pattern }) => ({ name: typeof name === 'string' ? name : undefined, pattern: typeof pattern === 'string' ? pattern : undefined }))
    .filter(({ name, pattern }) => name !== undefined || pattern !== undefined);
  return necessaryDoubt({ ...service, cookies: readable });
}

/** Every service of a config with its category: categories[].services[], or top-level services[] with a category id. */
function servicesOf(config) {
  const categories = Array.isArray(config.categories) ? config.categories : [];
  const nested = categories.flatMap((category) => (Array.isArray(category?.services) ? category.services.map((service) => ({ category, service })) : []));
  const flat = Array.isArray(config.services)
    ? config.services.map((service) => ({ category: categories.find((category) => category?.id === service?.category) ?? null, service }))
    : [];
  return [...nested, ...flat].filter(({ service }) => service && typeof service === 'object');
}

function renderSnapshot(config, receipt) {
  const lang = receipt.lang;
  const granted = new Set(Array.isArray(receipt.granted) ? receipt.granted : []);
  const denied = new Set(Array.isArray(receipt.denied) ? receipt.denied : []);
  const all = servicesOf(config);
  const categories = Array.isArray(config.categories) ? config.categories.filter((category) => category && typeof category === 'object') : [];
  const wrapper = el('div', { class: 'snapshot' });
  wrapper.append(el('p', { class: 'muted', text: `Texts in ${languageName(String(lang))} where the config has them, else in English.` }));

  const serviceItem = ({ category, service }) => {
    const cookies = Array.isArray(service.cookies) ? service.cookies.filter((cookie) => cookie && typeof cookie === 'object') : [];
    // A required category's service runs without consent unless the rule doubts it; then the
    // visitor decided on it like on any optional one, and the receipt says how.
    const doubt = category?.required ? doubtOf(service, cookies) : null;
    const alwaysOn = category?.required && !doubt;
    const state = alwaysOn ? 'Always on (required)' : granted.has(service.id) ? 'Granted' : denied.has(service.id) ? 'Refused' : 'Not part of this decision';
    return el(
      'li',
      { class: 'service' },
      el('p', { class: 'service-head' }, el('strong', {}, service.name ? textNode(service.name, lang) : String(service.id)), ' ', el('span', { class: `decision decision-${state.split(' ')[0].toLowerCase()}`, text: state })),
      doubt
        ? el('p', { class: 'necessary-doubt', text: `In a required category, but it looks like statistics or media (${doubt}) and has no "necessaryJustification", so it waits for consent.` })
        : null,
      service.provider ? el('p', { class: 'muted' }, 'Provider: ', textNode(service.provider, lang)) : null,
      service.purpose ? el('p', {}, textNode(service.purpose, lang)) : null,
      service.thirdCountry ? el('p', {}, 'Third country: ', textNode(service.thirdCountry, lang)) : null,
      cookies.length
        ? el(
            'p',
            { class: 'muted' },
            'Cookies: ',
            ...cookies.flatMap((cookie, index) => [
              index ? ', ' : '',
              String(cookie.name ?? cookie.pattern ?? '?'),
              ...(cookie.expires ? [' (', textNode(cookie.expires, lang), ')'] : []),
            ]),
          )
        : null,
    );
  };

  for (const category of categories) {
    const members = all.filter((entry) => entry.category === category);
    wrapper.append(
      el(
        'div',
        { class: 'category' },
        el('h5', {}, category.label ? textNode(category.label, lang) : String(category.id)),
        category.description ? el('p', {}, textNode(category.description, lang)) : null,
        members.length ? el('ul', { class: 'services' }, ...members.map(serviceItem)) : el('p', { class: 'muted', text: 'No services in this category.' }),
      ),
    );
  }
  const orphans = all.filter((entry) => !entry.category);
  if (orphans.length) wrapper.append(el('div', { class: 'category' }, el('h5', { text: 'Other services' }), el('ul', { class: 'services' }, ...orphans.map(serviceItem))));
  if (!categories.length && !orphans.length) wrapper.append(el('p', { text: 'The uploaded config has no categories.' }));
  return wrapper;
}

// ---- Decisions per day -----------------------------------------------------------------

const rangeForm = $('range-form');
const fromInput = $('range-from');
const toInput = $('range-to');
const rangeError = $('range-error');
const statsStatus = $('stats-status');
const statsResult = $('stats-result');
const chart = $('chart');
let statsRun = 0;
/** The range shown (and exported), and its data for redrawing at another width. */
let shown = null;

const today = isoDay(new Date());
toInput.value = today;
fromInput.value = isoDay(new Date(Date.now() - 29 * DAY_MS));

function rangeProblem(from, to) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(dayDate(from).getTime())) return ['from', 'Enter the first day of the range.'];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(to) || Number.isNaN(dayDate(to).getTime())) return ['to', 'Enter the last day of the range.'];
  if (from > to) return ['to', 'The last day must not be before the first day.'];
  return null;
}

rangeForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await loadStats();
  } catch (error) {
    report(error, statsStatus);
  }
});

/** Asks `GET /stats` for the form's range and shows it; throws what the request threw. */
async function loadStats() {
  const from = fromInput.value;
  const to = toInput.value;
  const problem = rangeProblem(from, to);
  clearFieldError(fromInput, rangeError);
  toInput.removeAttribute('aria-invalid');
  if (problem) {
    const input = problem[0] === 'from' ? fromInput : toInput;
    showFieldError(input, rangeError, problem[1]);
    say(statsStatus, 'error', problem[1], { quiet: true });
    input.focus();
    return;
  }
  const run = ++statsRun;
  say(statsStatus, 'loading', 'Loading decisions…');
  const response = await api('stats', { from, to });
  const body = await response.json();
  if (run !== statsRun) return;
  const byDay = new Map((Array.isArray(body?.days) ? body.days : []).map((entry) => [entry.day, entry]));
  const days = [];
  for (let time = dayDate(from).getTime(); time <= dayDate(to).getTime(); time += DAY_MS) {
    const day = isoDay(new Date(time));
    const entry = byDay.get(day);
    const methods = Object.fromEntries(METHODS.map(({ id }) => [id, Number(entry?.methods?.[id] ?? 0)]));
    const revisions = entry?.revisions && typeof entry.revisions === 'object' ? entry.revisions : {};
    days.push({ day, methods, revisions, total: METHODS.reduce((sum, { id }) => sum + methods[id], 0) });
  }
  shown = { from, to, days };
  const total = days.reduce((sum, day) => sum + day.total, 0);
  const rangeText = `${longDay.format(dayDate(from))} to ${longDay.format(dayDate(to))}`;
  if (total === 0) {
    clearStats();
    say(statsStatus, 'empty', `No decisions from ${rangeText}.`);
    return;
  }
  renderStats();
  say(statsStatus, 'done', `${plural(total, 'decision', 'decisions')} from ${rangeText}.`);
}

function clearStats() {
  statsResult.hidden = true;
  chart.replaceChildren();
  $('chart-legend').replaceChildren();
  for (const id of ['days-table', 'revisions-table']) $(id).tBodies[0].replaceChildren();
  $('days-table').tHead.replaceChildren();
  $('days-table').tFoot.replaceChildren();
}

function renderStats() {
  const { from, to, days } = shown;
  const rangeText = `${longDay.format(dayDate(from))} to ${longDay.format(dayDate(to))}`;
  statsResult.hidden = false;
  $('chart-caption').textContent = `Decisions per day by method, ${rangeText} (UTC days)`;
  $('days-caption-text').textContent = `Decisions per day by method, ${rangeText} (UTC days; days without decisions left out)`;
  renderLegend();
  renderDaysTable(days);
  renderRevisionsTable(days);
  drawChart();
}

function renderDaysTable(days) {
  const table = $('days-table');
  const headers = ['Day', ...METHODS.map(({ column }) => column), 'Total'];
  table.tHead.replaceChildren(el('tr', {}, ...headers.map((text) => el('th', { scope: 'col', text }))));
  const rows = days
    .filter((day) => day.total > 0)
    .map((day) =>
      el(
        'tr',
        { 'data-day': day.day },
        el('th', { scope: 'row' }, el('time', { datetime: day.day, text: dayFormat.format(dayDate(day.day)) })),
        ...METHODS.map(({ id }) => el('td', { 'data-method': id, text: count(day.methods[id]) })),
        el('td', { 'data-method': 'total', text: count(day.total) }),
      ),
    );
  table.tBodies[0].replaceChildren(...rows);
  const sums = Object.fromEntries(METHODS.map(({ id }) => [id, days.reduce((sum, day) => sum + day.methods[id], 0)]));
  table.tFoot.replaceChildren(
    el(
      'tr',
      {},
      el('th', { scope: 'row', text: 'All days' }),
      ...METHODS.map(({ id }) => el('td', { 'data-method': id, text: count(sums[id]) })),
      el('td', { 'data-method': 'total', text: count(days.reduce((sum, day) => sum + day.total, 0)) }),
    ),
  );
}

function renderRevisionsTable(days) {
  const revisions = new Map();
  for (const day of days) {
    for (const [revision, n] of Object.entries(day.revisions)) {
      if (!Number(n)) continue;
      const entry = revisions.get(revision) ?? { count: 0, first: day.day, last: day.day };
      entry.count += Number(n);
      entry.last = day.day;
      revisions.set(revision, entry);
    }
  }
  const total = [...revisions.values()].reduce((sum, entry) => sum + entry.count, 0);
  const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
  const dayCell = (day) => el('td', {}, el('time', { datetime: day, text: dayFormat.format(dayDate(day)) }));
  $('revisions-table').tBodies[0].replaceChildren(
    ...[...revisions.entries()]
      .sort(([a], [b]) => Number(b) - Number(a))
      .map(([revision, entry]) =>
        el('tr', { 'data-revision': revision }, el('th', { scope: 'row', text: revision }), el('td', { 'data-count': '', text: count(entry.count) }), el('td', { text: percent.format(entry.count / total) }), dayCell(entry.first), dayCell(entry.last)),
      ),
  );
}

/** The patterns of the series, once per page, in an SVG of their own that the chart and legend refer to. */
function patternDefs() {
  const defs = svg('defs');
  for (const series of SERIES) {
    const size = 6;
    const pattern = svg('pattern', { id: `pattern-${series.id}`, width: size, height: size, patternUnits: 'userSpaceOnUse' });
    pattern.append(svg('rect', { class: series.marks ? 'pattern-ground' : 'pattern-solid', width: size, height: size, fill: series.colour }));
    const mark = { class: 'pattern-mark', stroke: '#ffffff', fill: 'none', 'stroke-width': 1.5 };
    if (series.marks === 'diagonal') pattern.append(svg('path', { ...mark, d: 'M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2' }));
    if (series.marks === 'horizontal') pattern.append(svg('path', { ...mark, d: 'M0,3 h6' }));
    if (series.marks === 'cross') pattern.append(svg('path', { ...mark, 'stroke-width': 1, d: 'M0,0 l6,6 M6,0 l-6,6' }));
    if (series.marks === 'dots') pattern.append(svg('circle', { class: 'pattern-mark pattern-dot', cx: 3, cy: 3, r: 1.4, fill: '#ffffff' }));
    defs.append(pattern);
  }
  return svg('svg', { class: 'pattern-defs', width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false' }, defs);
}
$('chart').before(patternDefs());

function renderLegend() {
  $('chart-legend').replaceChildren(
    ...SERIES.map((series) =>
      el(
        'li',
        {},
        svg('svg', { class: 'swatch', width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true', focusable: 'false' }, svg('rect', { class: 'bar-segment', x: 0.5, y: 0.5, width: 17, height: 17, fill: `url(#pattern-${series.id})` })),
        series.label,
      ),
    ),
  );
}

/** A round step for about `parts` grid lines up to `max`: 1, 2 or 5 times a power of ten. */
function niceStep(max, parts) {
  const raw = Math.max(max / parts, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= raw);
}

/** The stacked bars, drawn for the chart's current width (and again when it changes). */
function drawChart() {
  if (!shown) return;
  const { days } = shown;
  const width = Math.max(chart.clientWidth, 240);
  const narrow = width < 480;
  const height = narrow ? 220 : 300;
  const margin = { top: 20, right: 8, bottom: 30, left: 8 };
  const max = Math.max(...days.map((day) => day.total));
  const step = niceStep(max, narrow ? 3 : 5);
  const top = Math.ceil(max / step) * step;
  const labelWidth = `${count(top)}`.length * 8 + 8;
  margin.left = labelWidth;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const band = plotWidth / days.length;
  const barWidth = band >= 4 ? Math.max(band * 0.72, 2) : Math.max(band, 1);
  const y = (value) => margin.top + plotHeight - (value / top) * plotHeight;

  const graphic = svg('svg', {
    class: 'chart-svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': 'Stacked bar chart of decisions per day by method. The table below has the same numbers.',
  });
  const grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
  for (let value = 0; value <= top; value += step) {
    grid.append(
      svg('line', { class: value === 0 ? 'axis' : 'grid-line', x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value) }),
      svg('text', { class: 'tick', x: margin.left - 6, y: y(value) + 4, 'text-anchor': 'end', text: count(value) }),
    );
  }
  graphic.append(grid);

  // Day labels: as many as fit without overlapping, always the first.
  const labelEvery = Math.max(1, Math.ceil((narrow ? 46 : 52) / band));
  const labels = svg('g', { class: 'day-labels' });
  days.forEach((day, index) => {
    if (index % labelEvery !== 0) return;
    labels.append(svg('text', { class: 'tick', x: margin.left + band * (index + 0.5), y: height - margin.bottom + 18, 'text-anchor': 'middle', text: shortDay.format(dayDate(day.day)) }));
  });
  graphic.append(labels);

  const bars = svg('g', { class: 'bars' });
  days.forEach((day, index) => {
    if (day.total === 0) return;
    const x = margin.left + band * index + (band - barWidth) / 2;
    const bar = svg('g', { class: 'bar', 'data-day': day.day, 'data-total': day.total });
    let stacked = 0;
    for (const series of SERIES) {
      const value = series.methods.reduce((sum, method) => sum + day.methods[method], 0);
      if (!value) continue;
      const segment = svg(
        'rect',
        { class: 'bar-segment', 'data-series': series.id, x, width: barWidth, y: y(stacked + value), height: y(stacked) - y(stacked + value), fill: `url(#pattern-${series.id})` },
        svg('title', { text: `${dayFormat.format(dayDate(day.day))}: ${series.label} ${count(value)}` }),
      );
      bar.append(segment);
      stacked += value;
    }
    if (band >= 22) bar.append(svg('text', { class: 'bar-total', x: x + barWidth / 2, y: y(stacked) - 5, 'text-anchor': 'middle', text: count(day.total) }));
    bars.append(bar);
  });
  graphic.append(bars);
  chart.replaceChildren(graphic);
}

let drawnWidth = 0;
new ResizeObserver(() => {
  if (chart.clientWidth === drawnWidth || statsResult.hidden) return;
  drawnWidth = chart.clientWidth;
  drawChart();
}).observe(chart);

// ---- Export ----------------------------------------------------------------------------

const exportStatus = $('export-status');
for (const button of document.querySelectorAll('button[data-format]')) {
  button.addEventListener('click', async () => {
    const format = button.dataset.format;
    const from = fromInput.value;
    const to = toInput.value;
    const problem = rangeProblem(from, to);
    if (problem) {
      say(exportStatus, 'error', `${problem[1]} (The export uses the range above.)`);
      return;
    }
    const name = `consent-log-${from}-to-${to}.${format}`;
    say(exportStatus, 'loading', `Preparing ${name}…`);
    try {
      const response = await api('export', { from, to, format });
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = el('a', { href: url, download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      // The download has its own copy once it started; the URL only has to outlive the click.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      say(exportStatus, 'done', `${name} is downloaded (${count(Math.ceil(blob.size / 1024))} KB).`);
    } catch (error) {
      report(error, exportStatus);
    }
  });
}

// ---- Start -----------------------------------------------------------------------------

if (token) {
  showSignedIn();
  loadStats().catch((error) => {
    if (error instanceof Unauthorized) signOut('The saved token is no longer accepted. Sign in again with the current token.', true);
    else report(error, statsStatus);
  });
} else {
  signInSection.hidden = false;
}
