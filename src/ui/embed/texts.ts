/**
 * The placeholder's built-in texts (our own wording), German and English, beside the
 * shared ones in ../shared/i18n.ts. A config's `texts` may override any key per language.
 */
import type { EmbedTextKey } from '../../core/config-schema.js';
import { SERVICE_TEXTS, type BuiltInTexts } from '../shared/i18n.js';

type Texts = Record<EmbedTextKey, string>;

const en: Texts = {
  loadVideo: 'Load video',
  loadContent: 'Load content',
  alwaysAllow: 'Always allow {name}',
  embedNotice: 'Loading this content sends your IP address to {provider}, which may also set cookies.',
  embedUnavailable: 'This content cannot be shown here.',
};

const de: Texts = {
  loadVideo: 'Video laden',
  loadContent: 'Inhalt laden',
  alwaysAllow: '{name} immer erlauben',
  embedNotice: 'Beim Laden dieses Inhalts erhält {provider} Ihre IP-Adresse und kann Cookies setzen.',
  embedUnavailable: 'Dieser Inhalt kann hier nicht angezeigt werden.',
};

export const EMBED_TEXTS: BuiltInTexts<Texts & (typeof SERVICE_TEXTS)['en']> = {
  en: { ...en, ...SERVICE_TEXTS.en },
  de: { ...de, ...SERVICE_TEXTS.de },
};
