/**
 * The dialog's own styles, after the shared base (tokens, button, focus ring). Every
 * target is at least 24x24 px; all action buttons share one look so that none is
 * pushed. The settings layer brings its own (settings.ts). Themes change the custom
 * properties documented on `<consent-banner>`; `theme="dark"` (or `"auto"` where the
 * visitor's system prefers dark) changes their defaults, with the same contrasts.
 */
import { baseStyles } from '../shared/base.styles.js';

/** The dark theme's defaults (text 4.5:1 and more, focus ring and tracks 3:1 on the background). */
const dark = /* css */ `--_color: var(--consent-color, #ececec); --_background: var(--consent-background, #1e1f22); --_muted: var(--consent-muted, #b8bcc2);
  --_accent: var(--consent-accent, #8ab4f8); --_button: var(--consent-button-background, #cfe0fc); --_button-color: var(--consent-button-color, #10223a);
  --_line: #5a5e66; color-scheme: dark;`;

export const dialogStyles =
  baseStyles +
  /* css */ `
  :host { --_muted: var(--consent-muted, #4a4a4a); --_background: var(--consent-background, #fff); --_line: #d0d0d0; }
  :host([theme='dark']) { ${dark} }
  @media (prefers-color-scheme: dark) { :host([theme='auto']) { ${dark} } }
  dialog {
    box-sizing: border-box;
    width: min(var(--consent-max-width, 42rem), calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: 0;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    color: var(--_color);
    background: var(--_background);
    /* (Not the font shorthand: with the fallback "inherit" in it, it is invalid and the whole declaration drops.) */
    font-size: 1rem;
    line-height: 1.45;
    font-family: var(--consent-font, inherit);
    overflow-wrap: break-word;
    flex-direction: column;
  }
  dialog[open] { display: flex; }
  dialog::backdrop { background: var(--consent-backdrop, rgb(0 0 0 / 0.45)); }
  /* Not modal (layout="box", or the first layer on the privacy policy's page): a box in a corner; layout="bar": across the foot. */
  dialog:not(:modal) {
    position: fixed;
    inset: auto 1rem 1rem auto;
    z-index: 2147483647;
    width: min(var(--consent-box-width, 26rem), calc(100vw - 2rem));
    max-height: min(55dvh, calc(100dvh - 2rem));
    margin: 0;
    box-shadow: 0 0.25rem 1.5rem rgb(0 0 0 / 0.3);
  }
  :host([layout='bar']) dialog:not(:modal) { inset: auto 0 0; width: 100%; border-width: 1px 0 0; border-radius: 0; }
  .head, .body, .buttons { padding: 0.75rem 1rem; }
  .head { display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; }
  .body { overflow-y: auto; padding-block: 0; }
  /* Too short a window (a phone turned, a 400 % zoom): the whole dialog scrolls, not a sliver of it
     (after the rule it overrides: same specificity). */
  @media (max-height: 30rem) {
    dialog { overflow-y: auto; }
    .body { overflow: visible; }
  }
  h2, h3, h4, p { margin: 0 0 0.6rem; }
  h2 { font-size: 1.25rem; margin: 0; }
  ul { margin: 0 0 0.6rem; padding-left: 1.25rem; }
  .links { display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
  .links a { display: inline-block; min-height: 24px; line-height: 24px; }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; border-top: 1px solid var(--_line); }
  button { flex: 1 1 9rem; }
  .close { flex: none; min-height: 2rem; padding: 0.25rem 0.75rem; }
  @media (max-width: 30rem) {
    .head, .body, .buttons { padding-inline: 0.75rem; }
    .buttons { gap: 0.4rem; padding-block: 0.5rem; }
    button { flex-basis: 100%; min-height: 2.25rem; padding-block: 0.3rem; }
  }
`;
