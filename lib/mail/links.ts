/** Pages a message links to, absolute from the app's base URL (MessageContext.app_url, no trailing slash). */
type Base = { app_url: string };

const id = encodeURIComponent;

export const links = {
  booking: (ctx: Base, bookingId: string) => `${ctx.app_url}/account/bookings/${id(bookingId)}`,
  pay: (ctx: Base, bookingId: string) => `${ctx.app_url}/account/bookings/${id(bookingId)}/pay`,
  credits: (ctx: Base) => `${ctx.app_url}/account/credits`,
  questionnaire: (ctx: Base) => `${ctx.app_url}/account/questionnaire`,
  /** Providers have no page per booking; their schedule lists them. */
  providerSchedule: (ctx: Base) => `${ctx.app_url}/provider/schedule`,
  payout: (ctx: Base, payoutId: string) => `${ctx.app_url}/provider/payouts/${id(payoutId)}`,
  adminMail: (ctx: Base) => `${ctx.app_url}/admin/mail`,
  adminQuestionnaire: (ctx: Base, clientId: string) => `${ctx.app_url}/admin/questionnaires/${id(clientId)}`,
  adminPayment: (ctx: Base, paymentId: string) => `${ctx.app_url}/admin/payments/${id(paymentId)}`,
};
