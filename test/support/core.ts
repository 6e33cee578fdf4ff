/**
 * Helpers for the tests of core and the adapters: no element is defined and nothing of the
 * module is started here, so each test builds exactly what it tests (`new ConsentStore()`,
 * a gate on one container, …). Element tests use ./elements.ts, which adds the registering
 * entry. The one thing this file starts on import is the test's own load tracker (below).
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from '@open-wc/testing';
import type { ConsentConfig } from '../../src/core/config-schema.js';

/** A config with every kind of category: necessary, statistics (two services) and external media. */
export function testConfig(changes: Partial<ConsentConfig> = {}): ConsentConfig {
  return {
    revision: 1,
    links: { privacy: '/privacy', imprint: '/imprint' },
    categories: [
      {
        id: 'necessary',
        required: true,
        label: { en: 'Necessary', de: 'Notwendig' },
        services: [{ id: 'cms', name: 'CMS', purpose: { en: 'Keeps your session.', de: 'Hält Ihre Sitzung.' }, cookies: [{ name: 'PHPSESSID', expires: 'session' }] }],
      },
      {
        id: 'statistics',
        label: { en: 'Statistics', de: 'Statistik' },
        description: { en: 'Counts visits anonymously.', de: 'Zählt Besuche anonym.' },
        services: [
          {
            id: 'stats',
            name: 'Local stats',
            provider: 'Example Institute',
            purpose: 'Reach measurement',
            privacyPolicy: 'https://stats.example/privacy',
            cookies: [
              { name: '_stat', expires: '30 days' },
              { pattern: '^_sx_', expires: '1 year' },
            ],
          },
          { id: 'heatmap', name: 'Heatmap', cookies: [{ name: 'hm_id', expires: '1 day', path: '/test' }] },
        ],
      },
      {
        id: 'media',
        label: { en: 'External media', de: 'Externe Medien' },
        services: [
          { id: 'video', name: 'Video host', provider: 'Video Corp.', thirdCountry: 'USA', purpose: 'Plays videos.', privacyPolicy: 'https://video.example/privacy' },
          { id: 'social', name: 'Social posts', provider: 'Social Corp.' },
        ],
      },
    ],
    ...changes,
  };
}

/** Every cookie this page can see, deleted for every path of the test pages. */
export function clearCookies(): void {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0].trim();
    if (!name) continue;
    for (const path of ['/', '/test', location.pathname.replace(/\/[^/]*$/, '')]) {
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}`;
    }
  }
}

/** Every cookie of the browser context, also those on paths this page cannot see. */
export async function clearAllCookies(): Promise<void> {
  for (const { name, path, domain } of await browserCookies()) {
    document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}; domain=${domain}`;
    document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}`;
  }
}

export function cookieNames(): string[] {
  return document.cookie
    .split(';')
    .map((pair) => pair.split('=')[0].trim())
    .filter(Boolean);
}

/** Collects the `detail` of every event of that type on `document` until the returned function is called. */
export function collectEvents<T>(type: string): { events: T[]; stop(): void } {
  const events: T[] = [];
  const listener = (event: Event) => events.push((event as CustomEvent<T>).detail);
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

/**
 * Resolves once everything that observes `root` has handled the next change to it (call it
 * before the change). Mutation observers are told in the order they were created, so one
 * created now comes after the gate's, and the gate's pass (a microtask it queues then)
 * runs before this promise's callbacks.
 */
export function mutationHandled(root: Node = document): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/**
 * Resolves when the element (a script, frame or image) has loaded, or failed to. Call it
 * before the load starts. With the network recorded, the browser holds every request until
 * the recorder has seen it, so once this resolves the request is on record: a test that
 * waits for the loads it causes leaves none of them to turn up in the next test's record.
 */
export function settled(element: HTMLScriptElement | HTMLIFrameElement | HTMLImageElement): Promise<Event> {
  return new Promise((resolve) => {
    element.addEventListener('load', resolve, { once: true });
    element.addEventListener('error', resolve, { once: true });
  });
}

/**
 * Frames, images and scripts of the page (outside shadow roots) that are loading. A test
 * that ends while one still loads would leave its request to turn up in the next test's
 * record, so suites that record the network wait in an afterEach hook (which runs before
 * the fixture is removed) until none is left: `afterEach(loadsSettled)`.
 */
const loading = new Set<Element>();
const whenSettled: (() => void)[] = [];
/** What the browser loads: a held script (`type="text/plain"`) loads nothing. */
const LOADABLE = 'iframe[src], img[src], script[src]:not([type="text/plain"])';

function settle(element: Element): void {
  if (!loading.delete(element) || loading.size) return;
  for (const resolve of whenSettled.splice(0)) resolve();
}

new MutationObserver((records) => {
  for (const record of records) {
    const added = record.type === 'attributes' ? [record.target] : [...record.addedNodes];
    for (const node of added) {
      if (!(node instanceof Element)) continue;
      for (const element of [node, ...node.querySelectorAll(LOADABLE)]) if (element.matches(LOADABLE)) loading.add(element);
    }
  }
  // Removed or emptied elements will never finish: nothing of theirs is left to wait for.
  for (const element of loading) if (!element.isConnected || !element.getAttribute('src')) settle(element);
}).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
for (const type of ['load', 'error']) document.addEventListener(type, (event) => settle(event.target as Element), true);

export function loadsSettled(): Promise<void> {
  return loading.size ? new Promise((resolve) => whenSettled.push(resolve)) : Promise.resolve();
}

export const recordNetwork = () => executeServerCommand<boolean, undefined>('network-record');
export const recordedRequests = () => executeServerCommand<string[], undefined>('network-requests');
export const browserCookies = () => executeServerCommand<{ name: string; value: string; domain: string; path: string; expires: number; sameSite?: string }[], undefined>('browser-cookies');
export const setCookiesDisabled = (disabled: boolean) => executeServerCommand<boolean, { disabled: boolean }>('cookies-disabled', { disabled });

/** Waits until the browser has requested `url` (a frame's request starts a moment after its src is set). */
export async function waitForRequest(url: string): Promise<void> {
  await waitUntil(async () => (await recordedRequests()).includes(url), `no request to ${url}`, { timeout: 8000, interval: 50 });
}

/**
 * Requests to any host but the page's own. The stand-in third party is the test server
 * under another host name, and that server adds a script of its own to every HTML page it
 * serves (`/__web-dev-server__web-socket.js`): that file is the test tooling, never the
 * third party's, so it does not count.
 */
export async function thirdPartyRequests(): Promise<string[]> {
  return (await recordedRequests()).filter((url) => {
    if (!url.startsWith('http')) return false;
    const { host, pathname } = new URL(url);
    return host !== location.host && !pathname.startsWith('/__web-dev-server');
  });
}
