/**
 * Running scripts that were held back: the gate's `text/plain` placeholders and the
 * scripts inside a `<consent-embed>` template. Both need the same care, so both use this.
 */

/** The page's CSP nonce, read from the first script that carries one (the property, not the hidden attribute). */
export function pageNonce(): string {
  return document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
}

/**
 * Replaces a script that has not run with a real one in its place; resolves once it has
 * run or failed. A fresh element, not a clone: scripts parsed by innerHTML or from a
 * <template> are marked "already started" by the parser, and a clone inherits that
 * and would never run.
 */
export function activateScript(held: HTMLScriptElement, nonce = held.nonce): Promise<void> {
  const script = document.createElement('script');
  for (const { name, value } of held.attributes) if (name !== 'type') script.setAttribute(name, value);
  const type = held.getAttribute('data-type') ?? (held.type === 'text/plain' ? null : held.getAttribute('type'));
  if (type) script.type = type;
  // Browsers hide the nonce attribute from getAttribute; the property still holds it.
  script.nonce = nonce;
  // Inserted scripts run async by default; callers chain on the promise to keep document order.
  script.async = false;
  script.text = held.text;
  const done = script.src
    ? new Promise<void>((resolve) => {
        script.addEventListener('load', () => resolve(), { once: true });
        script.addEventListener('error', () => resolve(), { once: true });
      })
    : Promise.resolve();
  held.replaceWith(script);
  return done;
}
