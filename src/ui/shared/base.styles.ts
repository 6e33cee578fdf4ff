/**
 * Styles shared by the dialog and the embed placeholder: the theme's tokens (the page's
 * `--consent-*` custom properties with our defaults, as private `--_*` properties), the
 * action button and the focus ring. Colours meet WCAG 2.2 AA on the default background
 * (text 4.5:1, focus ring 3:1). The transparent button border shows in forced colours.
 */
export const baseStyles = /* css */ `
  :host {
    --_color: var(--consent-color, #1b1b1b);
    --_accent: var(--consent-accent, #0b5394);
    --_radius: var(--consent-radius, 0.5rem);
    --_button: var(--consent-button-background, #1d3557);
    --_button-color: var(--consent-button-color, #fff);
  }
  button {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    color: var(--_button-color);
    background: var(--_button);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  a { color: var(--_accent); }
  /* (h2:focus: the dialog's heading, where focus lands on opening, shows it whether it came from a key, a click or nothing.) */
  :focus-visible, h2:focus { outline: 3px solid var(--_accent); outline-offset: 2px; }
`;
