/** Finnish: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Palvelu ja palveluntarjoaja',
  tablePurpose: 'Tarkoitus',
  tableCookies: 'Evästeet ja säilytysaika',
  tableThirdCountry: 'Tietojen siirto EU:n ulkopuolelle',
  tableConsent: 'Suostumus',
  tablePrivacy: 'Tietosuojaseloste',
  tableProvider: 'Palveluntarjoaja',
  tableLifetime: 'Säilytysaika',
  tableNoCookies: 'Ei tallenna evästeitä.',
  tableNoThirdCountry: 'Ei ilmoitettu',
  tableRequired: 'Välttämätön: toimii ilman suostumusta',
  tableOptional: 'Vain suostumuksellasi',
  tablePolicyLink: 'Tietosuojaseloste: {provider}',
} satisfies TableTexts;
