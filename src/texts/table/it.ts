/** Italian: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Servizio e fornitore',
  tablePurpose: 'Finalità',
  tableCookies: 'Cookie e durata',
  tableThirdCountry: 'Trasferimento di dati fuori dall’UE',
  tableConsent: 'Consenso',
  tablePrivacy: 'Informativa sulla privacy',
  tableProvider: 'Fornitore',
  tableLifetime: 'Durata',
  tableNoCookies: 'Non imposta cookie.',
  tableNoThirdCountry: 'Nessuno dichiarato',
  tableRequired: 'Necessario: funziona senza consenso',
  tableOptional: 'Solo con il suo consenso',
  tablePolicyLink: 'Informativa sulla privacy di {provider}',
} satisfies TableTexts;
