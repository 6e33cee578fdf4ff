/**
 * The one source of truth: the validated config plus the visitor's stored decision.
 * The dialog, the gate and the cleaner all read it and react to its changes; only
 * the intents below (accept all, reject all, save a selection) change it.
 */
import { indexServices, type ServiceEntry } from './config.js';
import { cookieValues, removeCookie, setCookie } from './cookies.js';
import { DEFAULT_EXPIRES_DAYS, type ConsentConfig } from './config-schema.js';
import { reportError } from './errors.js';
import { decodeRecord, encodeRecord, newConsentId, type DecisionMethod, type DecisionRecord } from './record.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Global Privacy Control, else Do Not Track, when the browser sends one. */
function browserSignal(): 'gpc' | 'dnt' | null {
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

export type ConsentListener = (store: ConsentStore, change: ConsentChange) => void;

export class ConsentStore {
  #config: ConsentConfig | null = null;
  #services = new Map<string, ServiceEntry>();
  #record: DecisionRecord | null = null;
  #listeners = new Set<ConsentListener>();

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
    if (!this.#config) return false;
    const record = this.#record;
    return !record || this.#optionalServiceIds().some((id) => !record.granted.includes(id) && !record.denied.includes(id));
  }

  /** Whether a category id or service id may be used now. Unknown ids and an unconfigured store: never. */
  isGranted(id: string): boolean {
    const entry = this.#services.get(id);
    if (entry) return entry.category.required === true || this.#record?.granted.includes(id) === true;
    const category = this.#config?.categories.find((candidate) => candidate.id === id);
    if (!category) return false;
    return category.required === true || category.services.every((service) => this.isGranted(service.id));
  }

  /** Whether the id names a category or service of the config. */
  knows(id: string): boolean {
    return this.#services.has(id) || this.#config?.categories.some((category) => category.id === id) === true;
  }

  /** The stored choice for one optional service: true, false, or undefined when never decided. */
  storedChoice(serviceId: string): boolean | undefined {
    if (this.#record?.granted.includes(serviceId)) return true;
    if (this.#record?.denied.includes(serviceId)) return false;
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
    this.#record = config && this.#readRecord(config);
    const signal = config && config.signals !== false && this.needsDecision && browserSignal();
    // A browser signal answers for the visitor: a refusal of what they never decided on, stored
    // with its source, and no dialog. Their own earlier choices stay; an opt-in remains possible.
    // It is stored before anyone hears of the config, so nobody starts asking in the meantime.
    const signalled = signal ? this.#store(this.#optionalServiceIds().filter((id) => this.#record?.granted.includes(id)), signal) : null;
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
    this.#decide(this.#optionalServiceIds(), 'accept-all');
  }

  rejectAll(): void {
    this.#decide([], 'reject-all');
  }

  /** Grants exactly the given services (ids of required categories are ignored: always on). */
  saveSelection(serviceIds: Iterable<string>): void {
    const chosen = new Set(serviceIds);
    this.#decide(this.#optionalServiceIds().filter((id) => chosen.has(id)), 'custom');
  }

  /**
   * "Always allow" from a placeholder: stores a grant for this one service and keeps
   * every other stored choice as it was.
   */
  grantService(serviceId: string): void {
    const entry = this.#services.get(serviceId);
    if (!entry || entry.category.required) return;
    // Ids of services the config no longer has are dropped: the cookie stays short.
    const keep = (id: string) => id !== serviceId && this.#services.has(id);
    const granted = this.#record?.granted.filter(keep) ?? [];
    const denied = this.#record?.denied.filter(keep) ?? [];
    this.#decide([...granted, serviceId], 'placeholder', denied);
  }

  #optionalServiceIds(): string[] {
    return [...this.#services.values()].filter((entry) => !entry.category.required).map((entry) => entry.service.id);
  }

  #cookieName(config: ConsentConfig): string {
    return config.cookie?.name ?? 'consent';
  }

  #readRecord(config: ConsentConfig): DecisionRecord | null {
    const name = this.#cookieName(config);
    // The first value, as the browser orders them (the longest path first).
    const [value] = cookieValues(name);
    if (value === undefined) return null;
    const record = decodeRecord(value);
    if (typeof record === 'string') {
      reportError({ kind: 'cookie', path: `cookie "${name}"`, message: `${record}; ignored, the visitor is asked again` });
      removeCookie(name, { path: '/', domain: config.cookie?.domain });
      return null;
    }
    const expiresDays = config.cookie?.expiresDays ?? DEFAULT_EXPIRES_DAYS;
    if (record.revision !== config.revision || record.decidedAt + expiresDays * DAY_MS <= Date.now()) return null;
    return record;
  }

  /** Stores a decision and tells everyone. */
  #decide(granted: string[], method: DecisionMethod, denied?: string[]): void {
    const change = this.#store(granted, method, denied);
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
      granted,
      denied,
    };
    this.#record = record;
    this.#write(config, record);
    return { type: 'decision', decision: this.decision!, previous, neededDecision };
  }

  #announce(change: DecisionChange): void {
    this.#notify(change);
    document.dispatchEvent(new CustomEvent<ConsentDecision>('consent-change', { detail: change.decision, bubbles: true, composed: true }));
  }

  #write(config: ConsentConfig, record: DecisionRecord): void {
    const name = this.#cookieName(config);
    const value = encodeRecord(record);
    const expiresDays = config.cookie?.expiresDays ?? DEFAULT_EXPIRES_DAYS;
    setCookie(name, value, {
      expires: new Date(record.decidedAt + expiresDays * DAY_MS),
      path: '/',
      domain: config.cookie?.domain,
      samesite: 'Lax',
      secure: location.protocol === 'https:',
    });
    if (cookieValues(name)[0] !== value) {
      reportError({
        kind: 'storage',
        path: `cookie "${name}"`,
        message: 'the browser refused the cookie; the choice holds for this page view only',
      });
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
