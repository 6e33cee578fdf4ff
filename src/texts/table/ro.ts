/** Romanian: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Serviciu și furnizor',
  tablePurpose: 'Scop',
  tableCookies: 'Cookie-uri și durată',
  tableThirdCountry: 'Transfer de date în afara UE',
  tableConsent: 'Consimțământ',
  tablePrivacy: 'Politica de confidențialitate',
  tableProvider: 'Furnizor',
  tableLifetime: 'Durată',
  tableNoCookies: 'Nu setează cookie-uri.',
  tableNoThirdCountry: 'Niciunul declarat',
  tableRequired: 'Necesar: funcționează fără consimțământ',
  tableOptional: 'Doar cu consimțământul dumneavoastră',
  tablePolicyLink: 'Politica de confidențialitate: {provider}',
} satisfies TableTexts;
