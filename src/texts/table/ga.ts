/** Irish: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Seirbhís agus soláthraí',
  tablePurpose: 'Cuspóir',
  tableCookies: 'Fianáin agus tréimhse stórála',
  tableThirdCountry: 'Sonraí a sheoltar lasmuigh den AE',
  tableConsent: 'Toiliú',
  tablePrivacy: 'Beartas príobháideachais',
  tableProvider: 'Soláthraí',
  tableLifetime: 'Tréimhse stórála',
  tableNoCookies: 'Ní shocraítear aon fhianán.',
  tableNoThirdCountry: 'Níl aon cheann luaite',
  tableRequired: 'Riachtanach: ní gá toiliú',
  tableOptional: 'Le do thoiliú amháin',
  tablePolicyLink: 'Beartas príobháideachais: {provider}',
} satisfies TableTexts;
