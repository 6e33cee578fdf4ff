/** Portuguese: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Serviço e fornecedor',
  tablePurpose: 'Finalidade',
  tableCookies: 'Cookies e duração',
  tableThirdCountry: 'Transferência de dados para fora da UE',
  tableConsent: 'Consentimento',
  tablePrivacy: 'Política de privacidade',
  tableProvider: 'Fornecedor',
  tableLifetime: 'Duração',
  tableNoCookies: 'Não instala cookies.',
  tableNoThirdCountry: 'Nenhuma declarada',
  tableRequired: 'Necessário: funciona sem consentimento',
  tableOptional: 'Apenas com o seu consentimento',
  tablePolicyLink: 'Política de privacidade: {provider}',
} satisfies TableTexts;
