/** Croatian: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Usluga i pružatelj',
  tablePurpose: 'Svrha',
  tableCookies: 'Kolačići i trajanje',
  tableThirdCountry: 'Prijenos podataka izvan EU-a',
  tableConsent: 'Privola',
  tablePrivacy: 'Politika privatnosti',
  tableProvider: 'Pružatelj',
  tableLifetime: 'Trajanje',
  tableNoCookies: 'Ne postavlja kolačiće.',
  tableNoThirdCountry: 'Nije navedeno',
  tableRequired: 'Nužna: radi bez privole',
  tableOptional: 'Samo uz vašu privolu',
  tablePolicyLink: 'Politika privatnosti: {provider}',
} satisfies TableTexts;
