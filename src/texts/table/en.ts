/** English: the cookie declaration (our own wording). `{provider}`: the service's provider, or its name. */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Service and provider',
  tablePurpose: 'Purpose',
  tableCookies: 'Cookies and lifetime',
  tableThirdCountry: 'Data sent outside the EU',
  tableConsent: 'Consent',
  tablePrivacy: 'Privacy policy',
  tableProvider: 'Provider',
  tableLifetime: 'Lifetime',
  tableNoCookies: 'Sets no cookies.',
  tableNoThirdCountry: 'None declared',
  tableRequired: 'Required: runs without consent',
  tableOptional: 'Only with your consent',
  tablePolicyLink: 'Privacy policy of {provider}',
} satisfies TableTexts;
