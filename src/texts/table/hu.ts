/** Hungarian: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Szolgáltatás és szolgáltató',
  tablePurpose: 'Cél',
  tableCookies: 'Sütik és tárolási idő',
  tableThirdCountry: 'Adattovábbítás az EU-n kívülre',
  tableConsent: 'Hozzájárulás',
  tablePrivacy: 'Adatvédelmi tájékoztató',
  tableProvider: 'Szolgáltató',
  tableLifetime: 'Tárolási idő',
  tableNoCookies: 'Nem helyez el sütiket.',
  tableNoThirdCountry: 'Nincs megadva',
  tableRequired: 'Szükséges: hozzájárulás nélkül működik',
  tableOptional: 'Csak az Ön hozzájárulásával',
  tablePolicyLink: 'Adatvédelmi tájékoztató: {provider}',
} satisfies TableTexts;
