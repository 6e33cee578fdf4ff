/**
 * The one source of truth: the validated config plus the visitor's stored decision.
 * The dialog, the gate and the cleaner all read it and react to its changes; only
 * the intents below (accept all, reject all, save a selection) change it.
 */
import { indexServices, type ServiceEntry } from './config.js';
import { candidateDomains, cookieValues, removeEverywhere, setCookie } from './cookies.js';
import { DEFAULT_EXPIRES_DAYS } from './config-basics.js';
import type { ConsentConfig } from './config-schema.js';
import { loadChunk } from './chunks.js';
import { reportError } from './errors.js';
import { needsConsent } from './necessary.js';
import { decodeRecord, encodeRecord, newConsentId, serviceTag, type DecisionMethod, type DecisionRecord, type StoredRecord } from './record.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Where a config keeps the record. On https without a shared `cookie.domain` it is a
 * `__Host-` cookie: only this host can set one, so no neighbouring subdomain can decide
 * for the visitor. A plain name (http, or shared on purpose) can be written by any
 * neighbour; two values under it are a conflict, never a choice.
 */
function placeOf(config: ConsentConfig) {
  const base = config.cookie?.name ?? 'consent';
  const domain = config.cookie?.domain;
  const secure = location.protocol === 'https:';
  return { name: secure && !domain ? `__Host-${base}` : base, base, domain, secure };
}

/** Global Privacy Control, else Do Not Track, when the browser sends one. */
export function browserSignal(): 'gpc' | 'dnt' | null {
  const browser = navigator as Navigator & { globalPrivacyControl?: boolean };
  return browser.globalPrivacyControl === true ? 'gpc' : browser.doNotTrack === '1' ? 'dnt' : null;
}

/** The decision as events and the API report it (`consent-change`, `consent-ready`). */
export interface ConsentDecision {
  /** Random id of this decision, for proving consent (GDPR Art. 7(1)). */
  consentId: string;
  /** When the visitor decided, ISO 8601 in UTC. */
  decidedAt: string;
  /** The config `revision` the visitor saw. */
  revision: number;
  method: DecisionMethod;
  /** Every granted service, necessary ones included. */
  grantedServices: string[];
  /** Categories whose services are all granted. */
  grantedCategories: string[];
  deniedServices: string[];
}

export interface ConsentReadyDetail {
  /** The stored decision, or null when there is none that is still valid. */
  decision: ConsentDecision | null;
  /** True when the dialog must ask: no decision, expired, new revision or a new service. */
  needsDecision: boolean;
}

/**
 * What a notification is about. `config`: the config was replaced (or rejected: then the
 * store is not ready), so everything may have changed. `decision`: a decision was stored;
 * `previous` is the decision it replaced and `neededDecision` whether the visitor had to
 * be asked before it.
 */
export type ConsentChange =
  | { type: 'config' }
  | { type: 'decision'; decision: ConsentDecision; previous: ConsentDecision | null; neededDecision: boolean };

export type DecisionChange = Extract<ConsentChange, { type: 'decision' }>;

/**
 * The change `refresh` reports when the record it reads again holds no decision for this config
 * though there is one (another tab decided on another revision of it): a `config` change to every
 * listener, which the gate tells apart from a new config of the page's by identity.
 */
export const RECORD_LOST: ConsentChange = { type: 'config' };

export type ConsentListener = (store: ConsentStore, change: ConsentChange) => void;

export class ConsentStore {
  #config: ConsentConfig | null = null;
  #services = new Map<string, ServiceEntry>();
  /** Ids of the services that are always on: those of required categories that need no consent (necessary.ts). */
  #required = new Set<string>();
  #record: DecisionRecord | null = null;
  #listeners = new Set<ConsentListener>();
  /** The record cookie's values when last read or written: another tab's write changes them. */
  #seen = '';
  /** Settles when the receipt of this page's last decision has been handed to the browser (or could not be). */
  receipt: Promise<unknown> = Promise.resolve();

  /** True once a valid config is known and the stored decision has been read. */
  get ready(): boolean {
    return this.#config !== null;
  }

  get config(): ConsentConfig | null {
    return this.#config;
  }

  /** The stored decision that still applies (same revision, not expired), or null. */
  get decision(): ConsentDecision | null {
    const record = this.#record;
    if (!record || !this.#config) return null;
    const grantedServices = [...this.#services.keys()].filter((id) => this.isGranted(id));
    return {
      consentId: record.consentId,
      decidedAt: new Date(record.decidedAt).toISOString(),
      revision: record.revision,
      method: record.method,
      grantedServices,
      grantedCategories: this.#config.categories.filter((category) => this.isGranted(category.id)).map((category) => category.id),
      deniedServices: [...this.#services.keys()].filter((id) => !grantedServices.includes(id)),
    };
  }

  /** True when the visitor has to be asked: no valid decision, or a service it never decided on. */
  get needsDecision(): boolean {
    return !!this.#config && this.#optionalServiceIds().some((id) => this.storedChoice(id) === undefined);
  }

  /** Whether a category id or service id may be used now. Unknown ids and an unconfigured store: never. */
  isGranted(id: string): boolean {
    if (this.#services.has(id)) return this.#required.has(id) || this.storedChoice(id) === true;
    const category = this.#config?.categories.find((candidate) => candidate.id === id);
    return !!category && category.services.every((service) => this.isGranted(service.id));
  }

  /** Whether a service is always on: in a required category, and necessary by necessary.ts's rule. */
  isRequired(serviceId: string): boolean {
    return this.#required.has(serviceId);
  }

  /** Whether the id names a category or service of the config. */
  knows(id: string): boolean {
    return this.#services.has(id) || !!this.#config?.categories.some((category) => category.id === id);
  }

  /**
   * The stored choice for one optional service of the config: true, false, or undefined when
   * never decided. Only for ids of the config's services: the record holds short hashes, and an
   * id the config does not know may share one. Whether anything may run is `isGranted`'s answer.
   */
  storedChoice(serviceId: string): boolean | undefined {
    // (A service's tag in the record, computed each time: a short hash costs less than keeping a map up to date.)
    const tag = serviceTag(serviceId);
    if (this.#record?.granted.includes(tag)) return true;
    if (this.#record?.denied.includes(tag)) return false;
    return undefined;
  }

  /** Calls `listener` after every change (config, decision) with what changed. Returns the function that unsubscribes. */
  subscribe(listener: ConsentListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Takes a validated config and reads the stored decision against it. `null` (the
   * config was rejected) leaves the store unconfigured: nothing is granted.
   */
  configure(config: ConsentConfig | null): void {
    this.#config = config;
    this.#services = config ? indexServices(config) : new Map();
    this.#required = new Set([...this.#services.values()].filter(({ service, category }) => !needsConsent(category, service)).map(({ service }) => service.id));
    // A required service that waits for consent (necessary.ts) is warned about, by a file that loads only then.
    if ([...this.#services.values()].some(({ service, category }) => category.required && !this.#required.has(service.id))) {
      loadChunk(() => import('./necessary-doubts.js')).then(({ reportNecessaryDoubts }) => reportNecessaryDoubts(config!), () => {});
    }
    this.#record = config && this.#readRecord(config);
    const signal = config && config.signals !== false && this.needsDecision && browserSignal();
    // A browser signal answers for the visitor: a refusal of what they never decided on, stored
    // with its source, and no dialog. Their own earlier choices stay; an opt-in remains possible.
    // It is stored before anyone hears of the config, so nobody starts asking in the meantime.
    const signalled = signal ? this.#store(this.#optionalServiceIds().filter((id) => this.storedChoice(id)), signal) : null;
    this.#notify({ type: 'config' });
    if (signalled) this.#announce(signalled);
    if (!config) return;
    document.dispatchEvent(
      new CustomEvent<ConsentReadyDetail>('consent-ready', {
        detail: { decision: this.decision, needsDecision: this.needsDecision },
        bubbles: true,
        composed: true,
      }),
    );
  }

  acceptAll(): void {
    this.#decide(() => this.#optionalServiceIds(), 'accept-all');
  }

  rejectAll(): void {
    this.#decide(() => [], 'reject-all');
  }

  /** Grants exactly the given services (ids of required categories are ignored: always on). */
  saveSelection(serviceIds: Iterable<string>): void {
    const chosen = new Set(serviceIds);
    this.#decide(() => this.#optionalServiceIds().filter((id) => chosen.has(id)), 'custom');
  }

  /**
   * "Always allow" from a placeholder: stores a grant for this one service and keeps
   * every other stored choice as it is now, in the cookie (another tab may have decided).
   */
  grantService(serviceId: string): void {
    if (!this.#services.has(serviceId) || this.#required.has(serviceId)) return;
    const chosen = (choice: boolean) => this.#optionalServiceIds().filter((id) => id !== serviceId && this.storedChoice(id) === choice);
    this.#decide(() => [...chosen(true), serviceId], 'placeholder', () => chosen(false));
  }

  #optionalServiceIds(): string[] {
    return [...this.#services.keys()].filter((id) => !this.#required.has(id));
  }

  #readRecord(config: ConsentConfig): DecisionRecord | null {
    const { name, base, domain, secure } = placeOf(config);
    const values = cookieValues(name);
    // Where this record may have been written: the current place first, then any other an earlier config used.
    const scopes = [...new Set([domain ?? '', ...candidateDomains().map((candidate) => candidate ?? '')])];
    let record: StoredRecord | string | null = null;
    let from = name;
    // What refresh() compares the cookie with: the read the record comes from, or what this page's own deleting
    // left. (A second look could find another tab's write that the record never saw, and every later refresh
    // would then take the cookie for read.)
    let seen = values;
    if (values.length > 1) {
      seen = removeEverywhere(name);
      reportError('cookie', `cookie "${name}"`, `${values.length} values (another subdomain or path set one): none counts, the visitor is asked again; ${seen.length} not deletable here`);
    } else if (values.length) {
      record = decodeRecord(values[0], scopes);
    } else {
      // Nothing here yet: an earlier config may have kept it under the plain name (before
      // "__Host-") or under "__Host-" (before a shared domain).
      from = name === base ? (secure ? `__Host-${base}` : '') : base;
      const old = from ? cookieValues(from) : [];
      record = old.length === 1 ? decodeRecord(old[0], scopes) : null;
      if (typeof record === 'object' && record) {
        record.inPlace = false;
        // A plain cookie may be a neighbour's: into "__Host-" a refusal moves, a grant is asked again.
        if (from === base && record.granted.length) record = null;
      }
    }
    if (typeof record === 'string') {
      reportError('cookie', `cookie "${from}"`, `${record}; ignored, the visitor is asked again`);
      const left = removeEverywhere(from);
      if (from === name) seen = left;
      record = null;
    }
    this.#seen = seen.join();
    const expiresDays = config.cookie?.expiresDays ?? DEFAULT_EXPIRES_DAYS;
    if (!record || record.revision !== config.revision || record.decidedAt + expiresDays * DAY_MS <= Date.now()) return null;
    // A record an earlier config kept elsewhere moves here once: same choices, id and time.
    if (!record.inPlace) this.#write(config, record);
    return record;
  }

  /**
   * Reads the record again if its cookie changed since (another tab, a neighbouring
   * subdomain sharing it) and tells everyone what changed. `startTabSync` calls it.
   */
  refresh(): void {
    const config = this.#config;
    if (!config || cookieValues(placeOf(config).name).join() === this.#seen) return;
    const previous = this.decision;
    const neededDecision = this.needsDecision;
    this.#record = this.#readRecord(config);
    const decision = this.decision;
    // (A record deleted, by the visitor or their browser, takes back no grant: only one that another tab wrote does.)
    if (!decision) this.#notify(this.#seen ? RECORD_LOST : { type: 'config' });
    else if (decision.consentId !== previous?.consentId) this.#announce({ type: 'decision', decision, previous, neededDecision });
  }

  /** Stores a decision, merged against the record as it is now, and tells everyone. */
  #decide(granted: () => string[], method: DecisionMethod, denied?: () => string[]): void {
    this.refresh();
    const change = this.#store(granted(), method, denied?.());
    if (change) this.#announce(change);
  }

  /** Stores a decision: `granted` on, `denied` off (by default every other optional service). */
  #store(granted: string[], method: DecisionMethod, denied = this.#optionalServiceIds().filter((id) => !granted.includes(id))): DecisionChange | null {
    const config = this.#config;
    if (!config) return null;
    const previous = this.decision;
    const neededDecision = this.needsDecision;
    const record: DecisionRecord = {
      consentId: newConsentId(),
      // The cookie keeps seconds; so does the record from the start, so it reads back identically.
      decidedAt: Math.floor(Date.now() / 1000) * 1000,
      revision: config.revision,
      method,
      granted: granted.map(serviceTag),
      denied: denied.map(serviceTag),
    };
    this.#record = record;
    this.#write(config, record);
    if (config.log) this.receipt = loadChunk(() => import('./receipt.js')).then((receipt) => receipt.sendReceipt(config, record, granted, denied), () => {});
    return { type: 'decision', decision: this.decision!, previous, neededDecision };
  }

  #announce(change: DecisionChange): void {
    this.#notify(change);
    document.dispatchEvent(new CustomEvent<ConsentDecision>('consent-change', { detail: change.decision, bubbles: true, composed: true }));
  }

  /** Writes the record in its one place, after deleting every copy this page can reach. */
  #write(config: ConsentConfig, record: DecisionRecord): void {
    const { name, base, domain, secure } = placeOf(config);
    const value = encodeRecord(record, domain ?? '');
    const expiresDays = config.cookie?.expiresDays ?? DEFAULT_EXPIRES_DAYS;
    // Copies under the other name (an earlier config's place) go too.
    removeEverywhere(name === base ? `__Host-${base}` : base);
    removeEverywhere(name);
    setCookie(name, value, {
      expires: new Date(record.decidedAt + expiresDays * DAY_MS),
      path: '/',
      domain,
      samesite: 'Lax',
      secure,
    });
    const values = cookieValues(name);
    this.#seen = values.join();
    if (!values.includes(value)) {
      reportError('storage', `cookie "${name}"`, 'the browser refused the cookie; the choice holds for this page view only');
    } else if (values.length > 1) {
      reportError('cookie', `cookie "${name}"`, 'stored, but another subdomain\'s or path\'s copy is not deletable here; pages seeing both ask again');
    }
  }

  #notify(change: ConsentChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(this, change);
      } catch (error) {
        console.error('[consent-banner] a consent listener failed:', error);
      }
    }
  }
}

/** The page's consent store, shared by every element and importable by site code. */
export const consent = new ConsentStore();
