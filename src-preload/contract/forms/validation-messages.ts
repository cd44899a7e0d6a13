/**
 * Words for every message key the form validation can produce, in English and Welsh, as data for the
 * renderer's i18n catalogues (i18next `{{name}}` interpolation). Cross-field rules and patterns carry
 * their own words in the definition file; these are the generic ones.
 */
import type { LocalText } from './form-definition-schema';

export const FORM_VALIDATION_MESSAGES = {
  'forms.errors.required': { en: 'Answer this question.', cy: 'Atebwch y cwestiwn hwn.' },
  'forms.errors.invalidType': { en: 'This answer is not in a form Bluebag can read. Enter it again.', cy: 'Nid yw’r ateb hwn ar ffurf y gall Bluebag ei darllen. Rhowch ef eto.' },
  'forms.errors.tooLong': { en: 'Use {{max}} characters or fewer.', cy: 'Defnyddiwch {{max}} nod neu lai.' },
  'forms.errors.tooShort': { en: 'Use at least {{min}} characters.', cy: 'Defnyddiwch o leiaf {{min}} nod.' },
  'forms.errors.pattern': { en: 'This is not in the expected format.', cy: 'Nid yw hwn yn y fformat disgwyliedig.' },
  'forms.errors.email': { en: 'Enter an email address like name@example.com.', cy: 'Rhowch gyfeiriad e-bost fel enw@enghraifft.com.' },
  'forms.errors.phone': { en: 'Enter a phone number like 01632 960 001, 07700 900 982 or +44 7700 900 982.', cy: 'Rhowch rif ffôn fel 01632 960 001, 07700 900 982 neu +44 7700 900 982.' },
  'forms.errors.date': { en: 'Enter a real date.', cy: 'Rhowch ddyddiad go iawn.' },
  'forms.errors.dateInPast': { en: 'This date must be today or later.', cy: 'Rhaid i’r dyddiad hwn fod heddiw neu’n hwyrach.' },
  'forms.errors.dateInFuture': { en: 'This date must be today or earlier.', cy: 'Rhaid i’r dyddiad hwn fod heddiw neu’n gynharach.' },
  'forms.errors.number': { en: 'Enter a number.', cy: 'Rhowch rif.' },
  'forms.errors.wholeNumber': { en: 'Enter a whole number.', cy: 'Rhowch rif cyfan.' },
  'forms.errors.numberTooSmall': { en: 'Enter {{min}} or more.', cy: 'Rhowch {{min}} neu fwy.' },
  'forms.errors.numberTooLarge': { en: 'Enter {{max}} or less.', cy: 'Rhowch {{max}} neu lai.' },
  'forms.errors.choice': { en: 'Choose one of the options shown.', cy: 'Dewiswch un o’r opsiynau a ddangosir.' },
  'forms.errors.selectAtLeast': { en: 'Choose at least {{min}}.', cy: 'Dewiswch o leiaf {{min}}.' },
  'forms.errors.selectAtMost': { en: 'Choose no more than {{max}}.', cy: 'Dewiswch ddim mwy na {{max}}.' },
  'forms.errors.tooFewItems': { en: 'Add at least {{min}}.', cy: 'Ychwanegwch o leiaf {{min}}.' },
  'forms.errors.tooManyItems': { en: 'There can be no more than {{max}}.', cy: 'Ni all fod mwy na {{max}}.' },
  'forms.errors.itemId': { en: 'Entry {{index}} of this list is damaged. Add it again.', cy: 'Mae cofnod {{index}} yn y rhestr hon wedi’i ddifrodi. Ychwanegwch ef eto.' },
  'forms.errors.rule': { en: 'Check this answer against your other answers.', cy: 'Gwiriwch yr ateb hwn yn erbyn eich atebion eraill.' },
} as const satisfies Record<string, LocalText>;

export type FormMessageKey = keyof typeof FORM_VALIDATION_MESSAGES;
