/**
 * Helpers for the element tests: they load the registering entry (define.js), which
 * starts the gate, the cleaner and the adapters on the page's shared store, as the
 * drop-in does.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { consent } from '../../src/core/store.js';
import type { ConsentBanner } from '../../src/ui/banner/consent-banner.js';
import { clearCookies, testConfig } from './core.js';
import '../../src/define.js';

/** The state of a page that was just loaded: no cookies, and a store that has no config yet. */
export function freshPage(): void {
  clearCookies();
  consent.configure(null);
}

/**
 * Mounts a banner with the config (the page's only one, like on a real page) and waits
 * until the config is applied and, if the visitor has to decide, the dialog shows.
 */
export async function mountBanner(config: unknown = testConfig(), lang?: string): Promise<ConsentBanner> {
  for (const previous of document.querySelectorAll('consent-banner')) previous.remove();
  const banner = await fixture<ConsentBanner>(html`<consent-banner lang=${lang ?? 'en'} .config=${config}></consent-banner>`);
  await banner.configApplied;
  return banner;
}

/** The shadow root of the dialog inside the banner, or null before the dialog was first needed. */
export function dialogRoot(banner: ConsentBanner): ShadowRoot | null {
  return banner.shadowRoot?.querySelector('dialog') ? banner.shadowRoot : null;
}

export function openDialog(banner: ConsentBanner): HTMLDialogElement | null {
  return dialogRoot(banner)?.querySelector<HTMLDialogElement>('dialog[open]') ?? null;
}

/** The open dialog; fails if it is not open (mountBanner and showSettings resolve once it is). */
export function shownDialog(banner: ConsentBanner): HTMLDialogElement {
  const dialog = openDialog(banner);
  if (!dialog) throw new Error('the consent dialog is not open');
  return dialog;
}

/** Waits for the dialog that a visitor's action (a click, a key) opens: its code may still be loading. */
export async function dialogOpened(banner: ConsentBanner): Promise<HTMLDialogElement> {
  await waitUntil(() => openDialog(banner), 'the consent dialog did not open', { timeout: 8000 });
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


/** Opens a category of the settings layer by its disclosure, and waits for its services to render. */
export async function openCategory(banner: ConsentBanner, categoryId: string): Promise<void> {
  const summary = dialogRoot(banner)!.querySelector<HTMLElement>(`#services-${categoryId}`)!;
  if (!summary.closest('details')!.open) summary.click();
  await waitUntil(() => summary.closest('details')!.querySelector('.services'), `the services of "${categoryId}" did not show`);
}

/** Opens every category of the settings layer (see openCategory). */
export async function openAllCategories(banner: ConsentBanner): Promise<void> {
  for (const summary of dialogRoot(banner)!.querySelectorAll('summary')) await openCategory(banner, summary.id.replace('services-', ''));
}
