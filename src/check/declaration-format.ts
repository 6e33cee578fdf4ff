/**
 * The cookie declaration as text, for `consent-banner-check --table`: an HTML fragment with
 * the structure `<consent-cookie-table>` renders (one table per category, a caption with the
 * category's description, column and row headers with `scope`), or Markdown (a heading per category and a table). Both
 * come from the element's model and built-in texts (ui/cookie-table/declaration.ts), so
 * the page, the CLI and the config cannot tell different stories.
 *
 * Config strings are text: every one is escaped for the output's language.
 */
import type { ConsentConfig } from '../core/config-schema.js';
import type { TableTexts } from '../texts/keys.js';
import { tableTextFile } from '../texts/table-texts.js';
import { cookieDeclaration, policyLinkText, tableLanguage, type CookieDeclaration, type DeclaredService } from '../ui/cookie-table/declaration.js';

export type DeclarationFormat = 'html' | 'markdown';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML content and quoted attribute values alike. */
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);

/** The column headers, in the element's order. */
const columns = (texts: TableTexts): string[] => [texts.tableService, texts.tablePurpose, texts.tableCookies, texts.tableThirdCountry, texts.tableConsent, texts.tablePrivacy];

const consentText = (texts: TableTexts, service: DeclaredService): string => (service.needsConsent ? texts.tableOptional : texts.tableRequired);

/** A declaration as an HTML fragment (ends with a line break). */
function declarationHtml({ language: lang, texts, categories }: CookieDeclaration): string {
  const lines = [`<div class="consent-cookie-table" lang="${escapeHtml(lang)}">`];
  for (const category of categories) {
    const description = category.description ? `<span class="description">${escapeHtml(category.description)}</span>` : '';
    lines.push('<div class="category">', '<table>', `<caption>${escapeHtml(category.label)}${description}</caption>`);
    lines.push(`<thead><tr>${columns(texts).map((text) => `<th scope="col">${escapeHtml(text)}</th>`).join('')}</tr></thead>`, '<tbody>');
    for (const service of category.services) {
      const provider = service.provider ? `<span class="provider">${escapeHtml(`${texts.tableProvider}: ${service.provider}`)}</span>` : '';
      const cookies = service.cookies.length
        ? `<ul>${service.cookies
            .map((cookie) => `<li><code>${escapeHtml(cookie.name)}</code> – ${escapeHtml(`${texts.tableLifetime}: ${cookie.lifetime}`)}${cookie.purpose ? `<span class="cookie-purpose">${escapeHtml(cookie.purpose)}</span>` : ''}</li>`)
            .join('')}</ul>`
        : escapeHtml(texts.tableNoCookies);
      const link = service.privacyPolicy ? `<a href="${escapeHtml(service.privacyPolicy)}">${escapeHtml(policyLinkText(texts, service))}</a>` : '';
      const cells = [escapeHtml(service.purpose), cookies, escapeHtml(service.thirdCountry || texts.tableNoThirdCountry), escapeHtml(consentText(texts, service)), link];
      lines.push(`<tr><th scope="row">${escapeHtml(service.name)}${provider}</th>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`);
    }
    lines.push('</tbody>', '</table>', '</div>');
  }
  lines.push('</div>');
  return lines.join('\n') + '\n';
}

/**
 * Text for a Markdown table cell: HTML's special characters as entities (a renderer would
 * take `<script>` as HTML), Markdown's punctuation escaped, pipes (which end a cell) too,
 * and line breaks (which end a row) as `<br>`.
 */
const escapeMarkdown = (text: string): string =>
  text
    .replace(/[&<>"]/g, (character) => HTML_ESCAPES[character])
    .replace(/[\\`*_[\]()#+!|~{}]/g, '\\$&')
    .replace(/\r\n?|\n/g, '<br>');

/** A URL inside `(…)`: whatever could end it or the cell is percent-encoded. */
const markdownUrl = (url: string): string => url.replace(/[\s()<>|\\"`]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** A declaration as Markdown: a heading per category, then its table. */
function declarationMarkdown({ texts, categories }: CookieDeclaration): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const blocks: string[] = [];
  for (const category of categories) {
    const lines = [`## ${escapeMarkdown(category.label)}`, ''];
    if (category.description) lines.push(escapeMarkdown(category.description), '');
    lines.push(row(columns(texts).map(escapeMarkdown)), row(columns(texts).map(() => '---')));
    for (const service of category.services) {
      const cookies = service.cookies.length
        ? service.cookies
            .map((cookie) => `<code>${escapeMarkdown(cookie.name)}</code> – ${escapeMarkdown(`${texts.tableLifetime}: ${cookie.lifetime}`)}${cookie.purpose ? ` (${escapeMarkdown(cookie.purpose)})` : ''}`)
            .join('<br>')
        : escapeMarkdown(texts.tableNoCookies);
      lines.push(
        row([
          `**${escapeMarkdown(service.name)}**${service.provider ? `<br>${escapeMarkdown(`${texts.tableProvider}: ${service.provider}`)}` : ''}`,
          escapeMarkdown(service.purpose),
          cookies,
          escapeMarkdown(service.thirdCountry || texts.tableNoThirdCountry),
          escapeMarkdown(consentText(texts, service)),
          service.privacyPolicy ? `[${escapeMarkdown(policyLinkText(texts, service))}](${markdownUrl(service.privacyPolicy)})` : '',
        ]),
      );
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}

/** The declaration of `config` for readers of `requested` (a primary language code such as "de"), in `format`. */
export async function formatDeclaration(config: ConsentConfig, requested: string, format: DeclarationFormat): Promise<string> {
  const language = tableLanguage(config, requested);
  const builtIn = (await tableTextFile(language)()).default;
  const declaration = cookieDeclaration(config, language, builtIn);
  return format === 'html' ? declarationHtml(declaration) : declarationMarkdown(declaration);
}
