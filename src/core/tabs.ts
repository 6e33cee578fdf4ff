/**
 * One decision in every tab of the site. A tab that stores a decision says so on a
 * BroadcastChannel (same origin); the others read the record again and follow: gate,
 * cleaner, adapters, embeds and an open dialog hear a decision change with the same
 * consent id. A record shared with other subdomains changes without any message, so it
 * is read again whenever the tab becomes visible, and on the Cookie Store API's `change`
 * where the browser has it.
 */
import type { ConsentStore } from './store.js';

export function startTabSync(store: ConsentStore): () => void {
  const channel = new BroadcastChannel('consent-banner');
  const cookieStore = (globalThis as { cookieStore?: EventTarget }).cookieStore;
  const refresh = () => store.refresh();
  channel.onmessage = refresh;
  document.addEventListener('visibilitychange', refresh);
  cookieStore?.addEventListener('change', refresh);
  // A tab that only followed another one announces too; the others find the cookie as they last read it and do nothing.
  const unsubscribe = store.subscribe((_store, change) => change.type === 'decision' && channel.postMessage(0));
  return () => {
    unsubscribe();
    channel.close();
    document.removeEventListener('visibilitychange', refresh);
    cookieStore?.removeEventListener('change', refresh);
  };
}
