/**
 * The embed element's own box: it keeps the embed's aspect ratio, placeholder or content.
 * Where the placeholder's text needs more height than the ratio gives (a narrow screen),
 * the player gets that height too, so the page does not move when one replaces the other:
 * in a sized frame a loaded player covers the placeholder, which keeps its box, hidden
 * (unseen and out of the Tab order) but not taken out of the layout.
 */
export const embedStyles = /* css */ `
  :host { display: block; }
  .frame { position: relative; }
  .sized { aspect-ratio: var(--ratio); }
  .sized ::slotted(iframe) { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; }
  [hidden] { visibility: hidden; }
  :not(.sized) > [hidden] { display: none !important; }
`;
