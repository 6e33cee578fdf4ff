import { baseStyles } from '../shared/base.styles.js';

/**
 * One table per category. Where the element is narrower than 40rem (a phone at 320 px, a
 * sidebar), every row becomes a block of labelled cells, so nothing scrolls sideways. The
 * borders are real borders: forced colours draw them in the system's text colour.
 */
export const tableStyles =
  baseStyles +
  /* css */ `
  :host {
    display: block;
    container-type: inline-size;
    --_muted: var(--consent-muted, #4a4a4a);
    color: var(--_color);
    font-family: var(--consent-font, inherit);
  }
  .category { margin-block: 0 2rem; }
  table {
    width: 100%;
    border-collapse: collapse;
    background: var(--consent-background, transparent);
  }
  caption { text-align: start; font-weight: 700; font-size: 1.125em; padding-block: 0 0.5rem; }
  .description { display: block; margin-top: 0.25rem; font-weight: 400; font-size: calc(1em / 1.125); }
  th, td {
    padding: 0.5rem;
    border: 1px solid var(--_muted);
    text-align: start;
    vertical-align: top;
    overflow-wrap: break-word;
  }
  thead th { border-bottom-width: 3px; }
  .provider, .cookie-purpose { display: block; color: var(--_muted); font-weight: 400; }
  ul { margin: 0; padding-inline-start: 1.1rem; }
  li + li { margin-top: 0.35rem; }
  code { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
  .label { display: none; font-weight: 600; }
  @container (max-width: 40rem) {
    table, tbody, tr, th, td { display: block; }
    caption { display: block; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    tr { border: 1px solid var(--_muted); margin-block: 0 1rem; }
    th, td { border: 0; border-top: 1px solid var(--_muted); }
    tr > :first-child { border-top: 0; }
    .label { display: block; }
    .empty { display: none; }
  }
  @media (forced-colors: active) {
    th, td, tr { border-color: CanvasText; }
  }
`;
