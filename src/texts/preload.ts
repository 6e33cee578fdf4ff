/**
 * Starts loading the first layer's texts in `language` (a primary code such as "fr"), so
 * that they arrive with the dialog's code and Lit rather than after them. The drop-in
 * build writes this function (rollup.config.mjs, languageFiles): one import of that file
 * by its name. Elsewhere (the source, the package for bundlers) it does nothing, and the
 * dialog's texts load as the dialog asks for them.
 */
export function preloadDialogTexts(language: string): void {
  void language;
}
