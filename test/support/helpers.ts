/** Helpers shared by the browser tests. */
import { executeServerCommand } from '@web/test-runner-commands';
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { ConsentConfig } from '../../src/core/config-schema.js';
import type { ConsentBanner } from '../../src/ui/consent-banner.js';
import { consent } from '../../src/core/store.js';
import '../../src/define.js';

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

/** The state of a page that was just loaded: no cookies, and a store that has no config yet. */
export function freshPage(): void {
  clearCookies();
  consent.configure(null);
}

export function cookieNames(): string[] {
  return document.cookie
    .split(';')
    .map((pair) => pair.split('=')[0].trim())
    .filter(Boolean);
}

/** Mounts a banner with the config (the page's only one, like on a real page) and waits until the config is applied. */
export async function mountBanner(config: unknown = testConfig(), lang?: string): Promise<ConsentBanner> {
  for (const previous of document.querySelectorAll('consent-banner')) previous.remove();
  const banner = await fixture<ConsentBanner>(html`<consent-banner lang=${lang ?? 'en'} .config=${config}></consent-banner>`);
  await banner.configApplied;
  return banner;
}

/** The shadow root of the dialog inside the banner, or null before the dialog was first needed. */
export function dialogRoot(banner: ConsentBanner): ShadowRoot | null {
  return banner.shadowRoot?.querySelector('consent-dialog')?.shadowRoot ?? null;
}

export function openDialog(banner: ConsentBanner): HTMLDialogElement | null {
  return dialogRoot(banner)?.querySelector<HTMLDialogElement>('dialog[open]') ?? null;
}

export async function waitForDialog(banner: ConsentBanner): Promise<HTMLDialogElement> {
  await waitUntil(() => openDialog(banner), 'the consent dialog did not open');
  return openDialog(banner)!;
}

export function button(banner: ConsentBanner, action: 'accept' | 'reject' | 'settings' | 'save'): HTMLButtonElement {
  return dialogRoot(banner)!.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
}

/** The element that has focus, looked up through shadow roots. */
export function deepActiveElement(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

export const recordNetwork = () => executeServerCommand<boolean, undefined>('network-record');
export const recordedRequests = () => executeServerCommand<string[], undefined>('network-requests');
export const browserCookies = () => executeServerCommand<{ name: string; value: string; domain: string; path: string; expires: number; sameSite?: string }[], undefined>('browser-cookies');
export const setCookiesDisabled = (disabled: boolean) => executeServerCommand<boolean, { disabled: boolean }>('cookies-disabled', { disabled });

/** Waits until the browser has requested `url` (a frame's request starts a moment after its src is set). */
export async function waitForRequest(url: string): Promise<void> {
  await waitUntil(async () => (await recordedRequests()).includes(url), `no request to ${url}`, { timeout: 3000, interval: 50 });
}

/** Requests to any host but the page's own. */
export async function thirdPartyRequests(): Promise<string[]> {
  return (await recordedRequests()).filter((url) => url.startsWith('http') && new URL(url).host !== location.host);
}
