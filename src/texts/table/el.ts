/** Greek: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Υπηρεσία και πάροχος',
  tablePurpose: 'Σκοπός',
  tableCookies: 'Cookies και διάρκεια αποθήκευσης',
  tableThirdCountry: 'Διαβίβαση δεδομένων εκτός ΕΕ',
  tableConsent: 'Συγκατάθεση',
  tablePrivacy: 'Πολιτική απορρήτου',
  tableProvider: 'Πάροχος',
  tableLifetime: 'Διάρκεια αποθήκευσης',
  tableNoCookies: 'Δεν αποθηκεύει cookies.',
  tableNoThirdCountry: 'Δεν έχει δηλωθεί καμία',
  tableRequired: 'Απαραίτητη: λειτουργεί χωρίς συγκατάθεση',
  tableOptional: 'Μόνο με τη συγκατάθεσή σας',
  tablePolicyLink: 'Πολιτική απορρήτου: {provider}',
} satisfies TableTexts;
