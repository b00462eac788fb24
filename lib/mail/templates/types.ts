import type { ReactElement } from 'react';
import type { InvitationMethod } from '../ics';
import type { BookingSnapshot, MessageContext, MessageData, Template } from '../messages';

export interface TemplateProps<T extends Template> {
  data: MessageData[T];
  ctx: MessageContext;
}

/** How one template becomes a message: its subject, its body, and the calendar invitation it carries, if any. */
export interface MessageTemplate<T extends Template> {
  subject: (data: MessageData[T]) => string;
  Component: (props: TemplateProps<T>) => ReactElement;
  invitation?: (data: MessageData[T]) => { booking: BookingSnapshot; method: InvitationMethod };
}

export type TemplateTable<K extends Template> = { [T in K]: MessageTemplate<T> };
