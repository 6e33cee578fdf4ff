/**
 * Lets gated markup load only when the store allows it:
 *
 * - `<script type="text/plain" data-consent="ID">` (inline or with `src`) runs as a
 *   real script, in document order, once, keeping its attributes and nonce;
 *   `data-type="module"` makes it a module script.
 * - Any element with `data-consent` and `data-src` / `data-srcset` (iframe, img, …)
 *   gets its `src` / `srcset` while allowed, and loses it again on withdrawal.
 *
 * Markup added later is gated too. A `data-consent` naming no category or service
 * of the config is reported once and never loads.
 *
 * A script that ran cannot be unloaded. When a grant is withdrawn from a service whose
 * gated scripts ran on this page and that no adapter stops, the page reloads once, after
 * the refusal is stored, so nothing of it keeps running (`reloadOnWithdrawal`, per service
 * or for the site; on by default). The settings layer says so before the visitor saves.
 */
import type { ServiceConfig } from './config-schema.js';
import { reportError } from './errors.js';
import { activateScript, pageNonce } from './scripts.js';
import { RECORD_LOST, type ConsentStore } from './store.js';

/** The `data-consent` ids whose gated scripts ran on this page. */
const ran = new Set<string>();

/**
 * The services whose withdrawal reloads the page: optional, and the config lets it reload; and a
 * script gated by the service ran here that no adapter stops, or one gated by its category (which
 * the withdrawal of any of its services stops being, adapter or not).
 */
export function stoppedByReload(store: ConsentStore): ServiceConfig[] {
  const config = store.config;
  return (config?.categories ?? []).flatMap((category) =>
    category.services.filter(
      (service) => ((ran.has(service.id) && !service.adapter) || ran.has(category.id)) && !store.isRequired(service.id) && (service.reloadOnWithdrawal ?? config!.reloadOnWithdrawal) !== false,
    ),
  );
}

const SCRIPT_SELECTOR = 'script[type="text/plain"][data-consent]';
const SOURCE_SELECTOR = '[data-consent][data-src],[data-consent][data-srcset]';

function describe(element: Element): string {
  return `<${element.localName} data-consent="${element.getAttribute('data-consent')}">`;
}

/**
 * Starts gating `root` (the document, or one part of it); returns the function that stops.
 * `onChange` is also told of every batch of changes to the elements under `root`.
 */
export function startGate(store: ConsentStore, root: Document | Element = document, onChange?: () => void): () => void {
  const reported = new WeakSet<Element>();
  const queued = new WeakSet<Element>();
  let queue = Promise.resolve();

  /** Each id's answer within one pass: a page may gate a thousand elements under a few ids. */
  let answers = new Map<string, boolean>();
  const allowed = (element: Element): boolean => {
    const id = element.getAttribute('data-consent') ?? '';
    if (store.knows(id)) return answers.get(id) ?? (answers.set(id, store.isGranted(id)), answers.get(id)!);
    if (!reported.has(element)) {
      reported.add(element);
      reportError('markup', describe(element), `"${id}" is no category or service of the config; blocked`);
    }
    return false;
  };

  /** Frames this gate took out of the Tab order. */
  const untabbed = new WeakSet<HTMLElement>();
  const apply = () => {
    if (!store.ready) return;
    answers = new Map();
    const nonce = pageNonce();
    for (const element of root.querySelectorAll<HTMLScriptElement>(SCRIPT_SELECTOR)) {
      if (queued.has(element) || !allowed(element)) continue;
      queued.add(element);
      // Under a nonce-based CSP the browser runs what the library inserts ('strict-dynamic'): a gated script
      // must show the page's nonce, or markup injected into the page (a comment, a CMS field) would run on consent.
      if (nonce && element.nonce !== nonce) {
        reportError('csp', describe(element), "lacks the page's nonce; blocked");
        continue;
      }
      ran.add(element.getAttribute('data-consent')!);
      // Chained, so an external script finishes before the next gated script starts.
      queue = queue.then(() => (element.isConnected ? activateScript(element) : undefined));
    }
    for (const element of root.querySelectorAll<HTMLElement>(SOURCE_SELECTOR)) {
      const grant = allowed(element);
      // A blocked frame is an empty box: no Tab stop (unless the page gave it a tabindex of its own).
      if (element.localName === 'iframe') {
        if (!grant && !element.hasAttribute('tabindex')) {
          untabbed.add(element);
          element.tabIndex = -1;
        }
        else if (grant && untabbed.delete(element)) element.removeAttribute('tabindex');
      }
      for (const attribute of ['src', 'srcset']) {
        const source = element.getAttribute(`data-${attribute}`);
        if (source === null) continue;
        const loaded = element.getAttribute(attribute) === source;
        if (grant && !loaded) element.setAttribute(attribute, source);
        // An iframe keeps its document when src is removed; navigating it away unloads the third party.
        else if (!grant && loaded) element.localName === 'iframe' && attribute === 'src' ? element.setAttribute('src', 'about:blank') : element.removeAttribute(attribute);
      }
    }
  };

  let scheduled = false;
  let stopped = false;
  // One pass per batch of changes, however many mutation records it brings.
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      // A pass queued just before the gate stopped must not run after it.
      if (stopped) return;
      onChange?.();
      apply();
    });
  });
  observer.observe(root, { childList: true, subtree: true });
  const unsubscribe = store.subscribe((_store, change) => {
    // A decision, or a record that no longer holds (another tab decided on another revision of the config):
    // what ran and is no longer granted stops with a reload, after the decision's receipt is on its way (a
    // reload would cancel loading its file). A new config of the page's own reloads nothing: the page
    // would take it again after the reload.
    if ((change.type === 'decision' || change === RECORD_LOST) && stoppedByReload(store).some((service) => !store.isGranted(service.id))) store.receipt.then(() => location.reload());
    apply();
  });
  apply();
  return () => {
    stopped = true;
    observer.disconnect();
    unsubscribe();
  };
}
