/** Spanish: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Servicio y proveedor',
  tablePurpose: 'Finalidad',
  tableCookies: 'Cookies y duración',
  tableThirdCountry: 'Transferencia de datos fuera de la UE',
  tableConsent: 'Consentimiento',
  tablePrivacy: 'Política de privacidad',
  tableProvider: 'Proveedor',
  tableLifetime: 'Duración',
  tableNoCookies: 'No instala cookies.',
  tableNoThirdCountry: 'Ninguna declarada',
  tableRequired: 'Necesario: funciona sin consentimiento',
  tableOptional: 'Solo con su consentimiento',
  tablePolicyLink: 'Política de privacidad de {provider}',
} satisfies TableTexts;
