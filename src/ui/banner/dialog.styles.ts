/**
 * The dialog's own styles, after the shared base (tokens, button, focus ring). Every
 * target is at least 24x24 px; all action buttons share one look so that none is pushed;
 * switch tracks meet 3:1. Themes change the custom properties documented on
 * `<consent-banner>`.
 */
import { baseStyles } from '../shared/base.styles.js';

export const dialogStyles =
  baseStyles +
  /* css */ `
  :host { --_muted: var(--consent-muted, #4a4a4a); --_background: var(--consent-background, #fff); }
  dialog {
    box-sizing: border-box;
    width: min(var(--consent-max-width, 42rem), calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: 0;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    color: var(--_color);
    background: var(--_background);
    font: 1rem/1.45 var(--consent-font, inherit);
    flex-direction: column;
  }
  dialog[open] { display: flex; }
  dialog::backdrop { background: var(--consent-backdrop, rgb(0 0 0 / 0.45)); }
  .head, .body, .buttons { padding: 0.75rem 1rem; }
  .head, .row { display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; }
  .body { overflow-y: auto; padding-block: 0; }
  h2, h3, h4, p { margin: 0 0 0.6rem; }
  h2 { font-size: 1.25rem; margin: 0; }
  h3 { font-size: 1.05rem; }
  h4 { font-size: 1rem; }
  h2:focus { outline: none; }
  .links { display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
  .links a, .policy { display: inline-block; min-height: 24px; line-height: 24px; }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .buttons, .category { border-top: 1px solid #d0d0d0; }
  button { flex: 1 1 9rem; }
  .close { flex: none; min-height: 2rem; padding: 0.25rem 0.75rem; }
  .category { padding-top: 0.6rem; margin-bottom: 0.6rem; }
  .services { list-style: none; margin: 0; padding: 0 0 0 1rem; }
  .service { padding: 0.4rem 0; }
  dl { margin: 0; color: var(--_muted); font-size: 0.9rem; }
  dt, dd { display: inline; margin: 0; }
  dt { font-weight: 600; }
  dt::after { content: ':'; }
  dd { margin-left: 0.3em; }
  .switch { display: inline-flex; align-items: center; gap: 0.5rem; flex: none; }
  .state { min-width: 4.5em; font-size: 0.9rem; }
  input {
    appearance: none;
    position: relative;
    width: 44px;
    height: 26px;
    margin: 0;
    border: 2px solid var(--_muted);
    border-radius: 13px;
    background: var(--_background);
    cursor: pointer;
  }
  input::before {
    content: '';
    position: absolute;
    top: 3px;
    left: 3px;
    width: 16px;
    height: 16px;
    border-radius: 50%;
    background: var(--_muted);
  }
  input:checked { border-color: var(--_accent); background: var(--_accent); }
  input:checked::before { left: 21px; background: #fff; }
  input:disabled { cursor: not-allowed; opacity: 0.7; }
  @media (prefers-reduced-motion: no-preference) { input::before { transition: left 0.15s ease-out; } }
  @media (max-width: 30rem) {
    .head, .body, .buttons { padding-inline: 0.75rem; }
    .buttons { gap: 0.4rem; padding-block: 0.5rem; }
    button { flex-basis: 100%; min-height: 2.25rem; padding-block: 0.3rem; }
  }
`;
