/** Lithuanian: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Paslauga ir teikėjas',
  tablePurpose: 'Tikslas',
  tableCookies: 'Slapukai ir saugojimo trukmė',
  tableThirdCountry: 'Duomenų perdavimas už ES ribų',
  tableConsent: 'Sutikimas',
  tablePrivacy: 'Privatumo politika',
  tableProvider: 'Teikėjas',
  tableLifetime: 'Saugojimo trukmė',
  tableNoCookies: 'Slapukų neįrašo.',
  tableNoThirdCountry: 'Nenurodyta',
  tableRequired: 'Būtina: veikia be sutikimo',
  tableOptional: 'Tik gavus Jūsų sutikimą',
  tablePolicyLink: 'Privatumo politika: {provider}',
} satisfies TableTexts;
