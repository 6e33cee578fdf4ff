/** French: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Service et fournisseur',
  tablePurpose: 'Finalité',
  tableCookies: 'Cookies et durée de conservation',
  tableThirdCountry: 'Transferts de données hors de l’UE',
  tableConsent: 'Consentement',
  tablePrivacy: 'Politique de confidentialité',
  tableProvider: 'Fournisseur',
  tableLifetime: 'Durée de conservation',
  tableNoCookies: 'Ne dépose aucun cookie.',
  tableNoThirdCountry: 'Aucun déclaré',
  tableRequired: 'Nécessaire : fonctionne sans consentement',
  tableOptional: 'Uniquement avec votre consentement',
  tablePolicyLink: '{provider} : politique de confidentialité',
} satisfies TableTexts;
