import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../ui/ScreenHeading';

export function HelpScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{t('help.title')}</ScreenHeading>
      <p>{t('help.intro')}</p>
      <h2>{t('help.cpHelpdesk')}</h2>
      <dl className="summary">
        <dt>{t('help.phone')}</dt>
        <dd>
          <a href="tel:02039896060">020 3989 6060</a> ({t('help.cpHelpdeskHours')})
        </dd>
        <dt>{t('help.email')}</dt>
        <dd>
          <a href="mailto:CJSCP-DefenceServiceDesk@hmcts.net">CJSCP-DefenceServiceDesk@hmcts.net</a>
        </dd>
      </dl>
      <h2>{t('help.urnHelp')}</h2>
      <dl className="summary">
        <dt>{t('help.phone')}</dt>
        <dd>
          <a href="tel:03308084407">0330 808 4407</a>
        </dd>
        <dt>{t('help.email')}</dt>
        <dd>
          <a href="mailto:contactcrime@justice.gov.uk">contactcrime@justice.gov.uk</a>
        </dd>
      </dl>
      <p className="disclaimer">{t('app.notHmcts')}</p>
    </>
  );
}
