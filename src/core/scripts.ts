/**
 * Every script the library puts on the page goes through here: the gate's `text/plain`
 * placeholders, the scripts inside a `<consent-embed>` template, an embed's provider script
 * and the vendor adapters' scripts. All need the page's nonce, and on a page that enforces
 * Trusted Types (`require-trusted-types-for 'script'`) a value from the library's one policy.
 */
import { reportError } from './errors.js';

interface ScriptPolicy {
  createScript(text: string): string;
  createScriptURL(url: string): string;
}

let policy: ScriptPolicy | null | undefined;

/**
 * The Trusted Types policy `consent-banner`, created on first use. It passes values as they
 * are, and never leaves this module: script text comes only from scripts the site wrote into
 * its own markup, script URLs only from that markup and from URLs the config check or the
 * embed has already limited to http, https or relative ones. Where the browser has no
 * Trusted Types, plain strings do. Null, reported once, when the page's CSP allows no policy
 * of that name: then no script can run, and `define.js` starts nothing.
 */
export function scriptPolicy(): ScriptPolicy | null {
  if (policy === undefined) {
    const pass = (value: string) => value;
    const rules: ScriptPolicy = { createScript: pass, createScriptURL: pass };
    try {
      policy = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy } }).trustedTypes?.createPolicy('consent-banner', rules) ?? rules;
    } catch {
      policy = null;
      reportError('csp', 'trusted-types', 'refuses the policy "consent-banner" (allow it and lit-html); nothing gated loads');
    }
  }
  return policy;
}

/**
 * The page's CSP nonce, read from the first of its own scripts that carries one (the property,
 * not the hidden attribute): not from a gated one, which may be anybody's markup.
 */
export function pageNonce(): string {
  return document.querySelector<HTMLScriptElement>('script[nonce]:not([data-consent])')?.nonce ?? '';
}

/** A script element that will load `src` once inserted, async, with the page's nonce. */
export function externalScript(src: string): HTMLScriptElement {
  return Object.assign(document.createElement('script'), { src: scriptPolicy()!.createScriptURL(src), async: true, nonce: pageNonce() });
}

/**
 * Replaces a script that has not run with a real one in its place; resolves once it has
 * run or failed. A fresh element, not a clone: scripts parsed by innerHTML or from a
 * <template> are marked "already started" by the parser, and a clone inherits that
 * and would never run.
 */
export function activateScript(held: HTMLScriptElement, nonce = held.nonce): Promise<void> {
  const script = document.createElement('script');
  const trusted = scriptPolicy()!;
  for (const { name, value } of held.attributes) if (name !== 'type') script.setAttribute(name, name === 'src' ? trusted.createScriptURL(value) : value);
  const type = held.getAttribute('data-type') ?? (held.type === 'text/plain' ? null : held.getAttribute('type'));
  if (type) script.type = type;
  // Browsers hide the nonce attribute from getAttribute; the property still holds it.
  script.nonce = nonce;
  // Inserted scripts run async by default; callers chain on the promise to keep document order.
  script.async = false;
  script.text = trusted.createScript(held.text);
  const done = script.src
    ? new Promise<void>((resolve) => {
        script.addEventListener('load', () => resolve(), { once: true });
        script.addEventListener('error', () => resolve(), { once: true });
      })
    : Promise.resolve();
  held.replaceWith(script);
  return done;
}
