import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../ui/ScreenHeading';

/** HMCTS's published contacts for defence users (numbers and addresses are data, not translated text). */
const CONTACTS = [
  { titleKey: 'help.cpHelpdesk', phone: '020 3989 6060', email: 'CJSCP-DefenceServiceDesk@hmcts.net', hoursKey: 'help.cpHelpdeskHours' },
  { titleKey: 'help.urnHelp', phone: '0330 808 4407', email: 'contactcrime@justice.gov.uk', hoursKey: null },
] as const;

export function HelpScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{t('help.title')}</ScreenHeading>
      <p>{t('help.intro')}</p>
      {CONTACTS.map((contact) => (
        <section key={contact.email} aria-labelledby={`help-${contact.email}`}>
          <h2 id={`help-${contact.email}`}>{t(contact.titleKey)}</h2>
          <dl className="summary">
            <dt>{t('help.phone')}</dt>
            <dd>
              <a href={`tel:${contact.phone.replaceAll(' ', '')}`}>{contact.phone}</a>
              {contact.hoursKey ? ` (${t(contact.hoursKey)})` : null}
            </dd>
            <dt>{t('help.email')}</dt>
            <dd>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </dd>
          </dl>
        </section>
      ))}
      <p className="disclaimer">{t('app.notHmcts')}</p>
    </>
  );
}
