/** Slovenian: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Storitev in ponudnik',
  tablePurpose: 'Namen',
  tableCookies: 'Piškotki in čas hrambe',
  tableThirdCountry: 'Prenos podatkov v države zunaj EU',
  tableConsent: 'Privolitev',
  tablePrivacy: 'Politika zasebnosti',
  tableProvider: 'Ponudnik',
  tableLifetime: 'Čas hrambe',
  tableNoCookies: 'Ne nastavlja piškotkov.',
  tableNoThirdCountry: 'Ni navedeno',
  tableRequired: 'Nujna: deluje brez privolitve',
  tableOptional: 'Samo z vašo privolitvijo',
  tablePolicyLink: 'Politika zasebnosti: {provider}',
} satisfies TableTexts;
