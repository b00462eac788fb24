import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import type { MessageContext } from '../messages';

/** The app's palette (app/globals.css), inlined: mail clients ignore stylesheets. System fonts only. */
const colour = { text: '#1f2a24', muted: '#5b6660', border: '#e2ded6', surface: '#fbfaf8', card: '#ffffff', primary: '#2f6b55' };
const font = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const styles = {
  text: { fontSize: '15px', lineHeight: '22px', color: colour.text, margin: '0 0 14px' },
  muted: { fontSize: '13px', lineHeight: '19px', color: colour.muted, margin: '0 0 8px' },
  link: { color: colour.primary, textDecoration: 'underline' },
  row: { fontSize: '14px', lineHeight: '20px', color: colour.text, margin: '3px 0' },
  label: { color: colour.muted, fontWeight: 600 },
  box: { border: `1px solid ${colour.border}`, borderRadius: '8px', padding: '12px 16px', margin: '4px 0 18px' },
};

export interface LayoutProps {
  ctx: MessageContext;
  heading: string;
  /** The inbox preview line; the heading when not given. */
  preview?: string;
  children: ReactNode;
}

/** Every message's frame: the practice's name, a greeting, the body and a footer (with the unsubscribe link for reminders). */
export function Layout({ ctx, heading, preview, children }: LayoutProps) {
  return (
    <Html lang="en">
      {/* A title names the document for a screen reader (and for a mail client's window). */}
      <Head>
        <title>{heading}</title>
      </Head>
      <Preview>{preview ?? heading}</Preview>
      <Body style={{ backgroundColor: colour.surface, fontFamily: font, margin: '0', padding: '24px 0' }}>
        <Container style={{ backgroundColor: colour.card, border: `1px solid ${colour.border}`, borderRadius: '12px', padding: '28px 32px' }}>
          <Text style={{ ...styles.muted, fontWeight: 600, letterSpacing: '0.02em' }}>{ctx.practice_name}</Text>
          <Heading as="h1" style={{ fontSize: '22px', lineHeight: '28px', color: colour.text, margin: '8px 0 16px' }}>
            {heading}
          </Heading>
          <Text style={styles.text}>Hi {ctx.recipient_name},</Text>
          {children}
          <Hr style={{ borderTop: `1px solid ${colour.border}`, margin: '24px 0 12px' }} />
          <Text style={styles.muted}>{ctx.practice_name}</Text>
          {ctx.unsubscribe_url ? (
            <Text style={styles.muted}>
              <Link href={ctx.unsubscribe_url} style={{ ...styles.link, color: colour.muted }}>
                Unsubscribe from reminders
              </Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

/** The one thing to do next. */
export function Action({ href, label }: { href: string; label: string }) {
  return (
    <Section style={{ margin: '8px 0 16px' }}>
      <Button
        href={href}
        style={{ backgroundColor: colour.primary, color: '#ffffff', borderRadius: '8px', fontSize: '15px', fontWeight: 600, padding: '12px 20px' }}
      >
        {label}
      </Button>
    </Section>
  );
}

/** One line of a details box; null or false leaves it out. */
export type Row = [label: string, value: ReactNode] | null | false;

/** Label and value pairs in a bordered box: a booking's details, a receipt, a failure report. One line each in the text part. */
export function Details({ rows }: { rows: Row[] }) {
  return (
    <Section style={styles.box}>
      {rows.map((row) =>
        row ? (
          <Text key={row[0]} style={styles.row}>
            <span style={styles.label}>{row[0]}:</span> {row[1]}
          </Text>
        ) : null,
      )}
    </Section>
  );
}

/** A paragraph of the body. */
export function P({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}
