// vanilla-cookieconsent 3.1 with the same two categories and texts of the same length as
// the consent-banner page's config, as its documentation sets it up. hideFromBots is off:
// it hides the dialog from headless browsers such as the benchmark's.
CookieConsent.run({
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Your privacy choices',
          description: 'With your consent we also use optional services for: Statistics. The site works without them. You can change your choice at any time under "Cookie settings" at the foot of every page.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Settings',
          footer: '<a href="/privacy">Privacy policy</a> <a href="/imprint">Imprint</a>',
        },
        preferencesModal: {
          title: 'Cookie settings',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save selection',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Necessary', description: 'Needed for the site to work and to remember this choice.', linkedCategory: 'necessary' },
            { title: 'Statistics', description: 'Anonymous reach measurement that helps us improve the site.', linkedCategory: 'analytics' },
          ],
        },
      },
    },
  },
});
