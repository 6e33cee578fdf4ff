/** Estonian: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Teenus ja teenusepakkuja',
  tablePurpose: 'Eesmärk',
  tableCookies: 'Küpsised ja säilitusaeg',
  tableThirdCountry: 'Andmete edastamine väljapoole ELi',
  tableConsent: 'Nõusolek',
  tablePrivacy: 'Privaatsuspoliitika',
  tableProvider: 'Teenusepakkuja',
  tableLifetime: 'Säilitusaeg',
  tableNoCookies: 'Ei salvesta küpsiseid.',
  tableNoThirdCountry: 'Pole märgitud',
  tableRequired: 'Vajalik: töötab ilma nõusolekuta',
  tableOptional: 'Ainult sinu nõusolekul',
  tablePolicyLink: 'Privaatsuspoliitika: {provider}',
} satisfies TableTexts;
