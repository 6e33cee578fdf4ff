/** Polish: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Usługa i dostawca',
  tablePurpose: 'Cel',
  tableCookies: 'Pliki cookie i okres przechowywania',
  tableThirdCountry: 'Przekazywanie danych poza UE',
  tableConsent: 'Zgoda',
  tablePrivacy: 'Polityka prywatności',
  tableProvider: 'Dostawca',
  tableLifetime: 'Okres przechowywania',
  tableNoCookies: 'Nie zapisuje plików cookie.',
  tableNoThirdCountry: 'Nie podano',
  tableRequired: 'Niezbędna: działa bez zgody',
  tableOptional: 'Tylko za Państwa zgodą',
  tablePolicyLink: 'Polityka prywatności: {provider}',
} satisfies TableTexts;
