/** The embed element's own box: it keeps the embed's aspect ratio, placeholder or content. */
export const embedStyles = /* css */ `
  :host { display: block; }
  .frame { position: relative; }
  .frame.sized { aspect-ratio: var(--ratio); }
  .frame.sized ::slotted(iframe) { display: block; width: 100%; height: 100%; border: 0; }
  [hidden] { display: none !important; }
`;
