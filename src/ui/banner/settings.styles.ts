/**
 * The settings layer's styles, after the dialog's: categories, services and their details,
 * and the switches (every target at least 24x24 px; the tracks meet 3:1). In forced
 * colours a switch keeps its knob, its state and its focus ring: system colours, not the theme's.
 */
export const settingsStyles = /* css */ `
  .row { display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; }
  /* (min-width: a heading of one long word, a brand or a compound, wraps beside its switch rather than push it out at 320 px.) */
  h3 { font-size: 1.05rem; min-width: 0; }
  h4 { font-size: 1rem; min-width: 0; }
  .policy { display: inline-block; min-height: 24px; line-height: 24px; }
  .category { border-top: 1px solid var(--_line); padding-top: 0.6rem; margin-bottom: 0.6rem; }
  summary { min-height: 24px; line-height: 24px; margin-bottom: 0.4rem; cursor: pointer; color: var(--_accent); font-weight: 600; }
  .services { list-style: none; margin: 0; padding: 0 0 0 1rem; }
  .service { padding: 0.4rem 0; }
  .cookies { width: 100%; margin: 0.3rem 0; border-collapse: collapse; table-layout: fixed; font-size: 0.9rem; overflow-wrap: anywhere; }
  caption { text-align: start; font-weight: 600; }
  th, td { padding: 0.15rem 0.4rem 0.15rem 0; text-align: start; vertical-align: top; border-bottom: 1px solid var(--_line); }
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
  input:checked::before { left: 21px; background: var(--_background); }
  input:indeterminate { border-color: var(--_accent); }
  input:indeterminate::before { left: 12px; background: var(--_accent); }
  input:disabled { cursor: not-allowed; opacity: 0.7; }
  @media (prefers-reduced-motion: no-preference) { input::before { transition: left 0.15s ease-out; } }
  /* Forced colours: the switch keeps its own drawing (knob, state, focus ring) in system colours, by the tokens it is drawn with. */
  @media (forced-colors: active) {
    input { forced-color-adjust: none; --_muted: CanvasText; --_background: Canvas; --_accent: Highlight; }
    input:checked { --_background: HighlightText; }
    input:disabled { --_muted: GrayText; --_accent: GrayText; --_background: Canvas; }
  }
`;
