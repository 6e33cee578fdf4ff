/** Maltese: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Servizz u fornitur',
  tablePurpose: 'Skop',
  tableCookies: 'Cookies u perjodu ta’ ħażna',
  tableThirdCountry: 'Data mibgħuta barra l-UE',
  tableConsent: 'Kunsens',
  tablePrivacy: 'Politika tal-privatezza',
  tableProvider: 'Fornitur',
  tableLifetime: 'Perjodu ta’ ħażna',
  tableNoCookies: 'Ma jpoġġi l-ebda cookie.',
  tableNoThirdCountry: 'Xejn iddikjarat',
  tableRequired: 'Meħtieġ: jaħdem mingħajr kunsens',
  tableOptional: 'Biss bil-kunsens tiegħek',
  tablePolicyLink: 'Politika tal-privatezza: {provider}',
} satisfies TableTexts;
