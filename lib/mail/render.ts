import { createElement } from 'react';
import { renderParts } from './html';
import { bookingIcs } from './ics';
import type { Attachment, MessageContext, MessageData, RenderedMessage, Template } from './messages';
import { templates } from './templates';

/** A message ready to send: its subject, HTML and text parts, and the calendar invitation when it is about a booking. */
export async function renderMessage<T extends Template>(template: T, data: MessageData[T], ctx: MessageContext): Promise<RenderedMessage> {
  const entry = templates[template];
  const { html, text } = await renderParts(createElement(entry.Component, { data, ctx }));
  const attachments: Attachment[] = [];
  const invitation = entry.invitation?.(data);
  if (invitation) {
    attachments.push({
      filename: 'booking.ics',
      contentType: `text/calendar; method=${invitation.method}`,
      content: bookingIcs(invitation.booking, invitation.method, ctx),
    });
  }
  return { subject: entry.subject(data), html, text, attachments };
}
