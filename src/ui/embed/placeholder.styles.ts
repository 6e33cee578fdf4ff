/**
 * The placeholder's own styles, after the shared base (tokens, button, focus ring). Its
 * buttons look like the dialog's; targets are at least 24x24 px.
 */
import { baseStyles } from '../shared/base.styles.js';

export const placeholderStyles =
  baseStyles +
  /* css */ `
  .placeholder {
    box-sizing: border-box;
    position: relative;
    display: flex;
    min-height: 100%;
    padding: 1rem;
    color: var(--_color);
    background: var(--consent-embed-background, #e9edf1);
    /* (Not the font shorthand: with the fallback "inherit" in it, it is invalid and the whole declaration drops.) */
    font-size: 0.95rem;
    line-height: 1.45;
    font-family: var(--consent-font, inherit);
  }
  .poster, ::slotted([slot='poster']) {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .notice {
    position: relative;
    align-self: center;
    max-width: 36rem;
    margin: auto;
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: #fffffff0;
  }
  p { margin: 0 0 0.5rem; }
  .label { font-weight: 700; }
  a { display: inline-block; min-height: 24px; }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; }
  button { flex: 1 1 10rem; }
`;
