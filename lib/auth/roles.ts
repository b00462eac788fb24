import type { UserRole } from '@/db/schema';

/** Each role's own area; other roles are refused there. */
export const areaOf: Record<UserRole, '/account' | '/provider' | '/admin'> = {
  client: '/account',
  provider: '/provider',
  admin: '/admin',
};

export const roleLabel: Record<UserRole, string> = {
  client: 'Client',
  provider: 'Practitioner',
  admin: 'Admin',
};

/** The roles' names with the practice's own word for providers (the provider_label setting). */
export function roleLabels(providerWord: string): Record<UserRole, string> {
  return { ...roleLabel, provider: providerWord };
}

export interface NavItem {
  href: string;
  label: string;
}

/** The navigation each role sees; later issues add their pages here. */
export const navFor: Record<UserRole, NavItem[]> = {
  client: [
    { href: '/account', label: 'My account' },
    { href: '/account/bookings', label: 'My bookings' },
    { href: '/account/questionnaire', label: 'Health questionnaire' },
    { href: '/account/credits', label: 'Credits' },
    { href: '/account/payments', label: 'Payments' },
    { href: '/packages', label: 'Class passes' },
  ],
  provider: [
    { href: '/provider', label: 'Practice' },
    { href: '/provider/schedule', label: 'Schedule' },
    { href: '/provider/availability', label: 'Availability' },
    { href: '/provider/session-types', label: 'Session types' },
    { href: '/provider/classes', label: 'Classes' },
    { href: '/provider/payments', label: 'Payments' },
    { href: '/provider/earnings', label: 'Earnings' },
    { href: '/provider/payouts', label: 'Payouts' },
  ],
  // The header holds the admin's daily pages; every section is in the admin area's own navigation (adminSections).
  admin: [
    { href: '/admin', label: 'Dashboard' },
    { href: '/admin/analytics', label: 'Analytics' },
    { href: '/admin/bookings', label: 'Bookings' },
    { href: '/admin/users', label: 'Users' },
    { href: '/admin/questionnaires', label: 'Questionnaires' },
    { href: '/admin/payments', label: 'Payments' },
    { href: '/admin/payouts', label: 'Payouts' },
    { href: '/admin/mail', label: 'Mail' },
  ],
};

/** Every page of the admin area, shown on each admin page under the header. */
export const adminSections: NavItem[] = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/analytics', label: 'Analytics' },
  { href: '/admin/bookings', label: 'Bookings' },
  { href: '/admin/classes', label: 'Classes' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/questionnaires', label: 'Questionnaires' },
  { href: '/admin/payments', label: 'Payments' },
  { href: '/admin/payouts', label: 'Payouts' },
  { href: '/admin/packages', label: 'Packages' },
  { href: '/admin/credits', label: 'Credits' },
  { href: '/admin/reports', label: 'Reports' },
  { href: '/admin/mail', label: 'Mail' },
  { href: '/admin/webhooks', label: 'Webhooks' },
  { href: '/admin/audit', label: 'Audit log' },
  { href: '/admin/settings', label: 'Settings' },
  { href: '/admin/api-keys', label: 'API keys' },
];

/** Only same-site paths are followed after sign-in, never another host. */
export function safeCallbackPath(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string' || !raw.startsWith('/')) return fallback;
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.com" would become "//evil.com".
  if (/[\u0000-\u001f\u007f\s]/.test(raw)) return fallback;
  if (raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  return raw;
}

/** Request header through which proxy.ts tells guarded pages the path that was asked for. */
export const REQUEST_PATH_HEADER = 'x-wellbook-path';
