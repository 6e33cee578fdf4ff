/**
 * Whether another origin frames this page (or a sandbox leaves it without one). A click
 * there may be the visitor's, or the framing page's trick: an invisible frame over a decoy
 * button (clickjacking). The dialog and the placeholders then take no decision from a
 * click; they offer to open the page on its own instead. A same-origin frame (a CMS
 * preview) is no risk: it can read this page anyway.
 */
export function framedElsewhere(): boolean {
  try {
    // Reading the top page's address throws for another origin.
    return top !== self && !top!.location.href;
  } catch {
    return true;
  }
}
