import { links } from '../links';
import { amount, at, NoticeMessage } from './parts';
import type { TemplateProps, TemplateTable } from './types';

/** The questionnaire's yearly renewal (to the client) and what admins are told. Never an answer: the data holds none. */

export function QuestionnaireRenewal({ data: { expires_at, days_left }, ctx }: TemplateProps<'questionnaire_renewal'>) {
  return (
    <NoticeMessage
      ctx={ctx}
      heading="Time to renew your health questionnaire"
      lines={[
        `Your health questionnaire expires ${at(expires_at)}, in ${days_left} ${days_left === 1 ? 'day' : 'days'}.`,
        'Booking needs a valid one; renewing takes a couple of minutes.',
      ]}
      action={{ href: links.questionnaire(ctx), label: 'Renew questionnaire' }}
    />
  );
}

export function QuestionnaireFlagged({ data: { client_name, client_id }, ctx }: TemplateProps<'questionnaire_flagged'>) {
  return (
    <NoticeMessage
      ctx={ctx}
      heading="A questionnaire needs clearance"
      lines={[`${client_name}'s health questionnaire needs clearance before they can book.`, 'Review it in the app; its answers are not sent by e-mail.']}
      action={{ href: links.adminQuestionnaire(ctx, client_id), label: 'Review questionnaire' }}
    />
  );
}

export function PaymentAutoRefunded({ data, ctx }: TemplateProps<'payment_auto_refunded'>) {
  return (
    <NoticeMessage
      ctx={ctx}
      heading="A payment was refunded automatically"
      lines={[
        `${data.client_name} paid ${amount(data.amount)} for ${data.description}, but the booking could no longer take it, so the payment was refunded in full.`,
      ]}
      rows={[['Client', data.client_name], ['For', data.description], ['Refunded', amount(data.amount)]]}
      action={{ href: links.adminPayment(ctx, data.payment_id), label: 'View payment' }}
    />
  );
}

export function MailFailed({ data, ctx }: TemplateProps<'mail_failed'>) {
  return (
    <NoticeMessage
      ctx={ctx}
      heading="A message could not be delivered"
      lines={[`The ${data.template} message to ${data.recipient} could not be delivered after ${data.attempts} attempts.`]}
      rows={[['Message', data.message_id], ['Template', data.template], ['To', data.recipient], ['Attempts', String(data.attempts)], ['Last error', data.last_error]]}
      action={{ href: links.adminMail(ctx), label: 'Open mail' }}
    />
  );
}

export const noticeTemplates: TemplateTable<'questionnaire_renewal' | 'questionnaire_flagged' | 'payment_auto_refunded' | 'mail_failed'> = {
  questionnaire_renewal: { subject: (d) => `Your health questionnaire expires in ${d.days_left} ${d.days_left === 1 ? 'day' : 'days'}`, Component: QuestionnaireRenewal },
  questionnaire_flagged: { subject: (d) => `Questionnaire needs clearance: ${d.client_name}`, Component: QuestionnaireFlagged },
  payment_auto_refunded: { subject: (d) => `Refunded automatically: ${amount(d.amount)} from ${d.client_name}`, Component: PaymentAutoRefunded },
  mail_failed: { subject: (d) => `Not delivered: ${d.template} to ${d.recipient}`, Component: MailFailed },
};
