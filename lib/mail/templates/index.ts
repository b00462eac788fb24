import type { Template } from '../messages';
import { accountTemplates } from './account';
import { bookingTemplates } from './bookings';
import { creditTemplates } from './credits';
import { noticeTemplates } from './notices';
import { paymentTemplates } from './payments';
import type { TemplateTable } from './types';

/** Every template by name; the type makes a template missing from here a compile error. */
export const templates: TemplateTable<Template> = { ...bookingTemplates, ...paymentTemplates, ...creditTemplates, ...noticeTemplates, ...accountTemplates };

export { sealResetToken } from './account';
export type { MessageTemplate, TemplateProps } from './types';
