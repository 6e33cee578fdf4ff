/** Bulgarian: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Услуга и доставчик',
  tablePurpose: 'Цел',
  tableCookies: 'Бисквитки и срок на съхранение',
  tableThirdCountry: 'Предаване на данни извън ЕС',
  tableConsent: 'Съгласие',
  tablePrivacy: 'Политика за поверителност',
  tableProvider: 'Доставчик',
  tableLifetime: 'Срок на съхранение',
  tableNoCookies: 'Не записва бисквитки.',
  tableNoThirdCountry: 'Няма посочени',
  tableRequired: 'Необходима: работи без съгласие',
  tableOptional: 'Само с Вашето съгласие',
  tablePolicyLink: 'Политика за поверителност на {provider}',
} satisfies TableTexts;
