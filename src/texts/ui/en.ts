/** English: the dialog, its settings layer and the embed placeholder (our own wording). */
import type { UiTexts } from '../keys.js';

export default {
  // The first layer. `{services}`: each service that may send data outside the EU, with the country.
  title: 'Your privacy choices',
  intro: 'With your consent we also use the optional services below. The site works without them. You can change your choice at any time under "Cookie settings" at the foot of every page.',
  transfers: 'These services may send data to countries outside the EU: {services}.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  settings: 'Settings',
  save: 'Save selection',
  close: 'Close',
  privacy: 'Privacy policy',
  imprint: 'Imprint',
  // The settings layer.
  settingsTitle: 'Cookie settings',
  settingsIntro: 'Choose which optional services we may use. Switching one off deletes its cookies here; data a provider keeps on its own site can only be deleted there.',
  alwaysOn: 'Always on',
  on: 'On',
  off: 'Off',
  partlyOn: 'Partly on',
  provider: 'Provider',
  purpose: 'Purpose',
  cookies: 'Cookies',
  cookieName: 'Name',
  lifetime: 'Lifetime',
  services: 'Services',
  justification: 'Why it runs without consent',
  reload: 'Switching off {services} reloads this page once, so that nothing keeps running.',
  consentId: 'Your consent ID: {id}',
  // Shared by the settings layer and the placeholder. `thirdCountry` is followed by ": " and the country.
  thirdCountry: 'Data may be transferred to',
  providerPrivacy: 'Privacy policy of {name}',
  framed: 'Another website frames this page, so no choice is taken here. Open it in a new window to choose.',
  newWindow: '(opens in a new window)',
  // The embed placeholder.
  loadVideo: 'Load video',
  loadContent: 'Load content',
  alwaysAllow: 'Always allow {name}',
  embedNotice: 'Loading this content sends your IP address to {provider}, which may also set cookies.',
  embedUnavailable: 'This content cannot be shown here.',
} satisfies UiTexts;
