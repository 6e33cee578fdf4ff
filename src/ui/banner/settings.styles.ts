/**
 * The settings layer's styles, after the dialog's: categories, services and their details,
 * and the switches (every target at least 24x24 px; the tracks meet 3:1).
 */
export const settingsStyles = /* css */ `
  .row { display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; }
  h3 { font-size: 1.05rem; }
  h4 { font-size: 1rem; }
  .policy { display: inline-block; min-height: 24px; line-height: 24px; }
  .category { border-top: 1px solid #d0d0d0; padding-top: 0.6rem; margin-bottom: 0.6rem; }
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
`;
