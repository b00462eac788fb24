import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { ViewerZoneProvider } from '@/components/local-date';
import { NavigationProgress } from '@/components/navigation-progress';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { TimeZoneSync } from '@/components/time-zone-sync';
import { getViewerZone } from '@/lib/viewer-zone';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Wellbook', template: '%s · Wellbook' },
  description: 'Book 1:1 sessions and group classes with yoga teachers, personal trainers and listeners.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every time on every page is shown in this zone, on the server and in the browser alike.
  const viewer = await getViewerZone();
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        {/* The first thing a keyboard reaches on every page. */}
        <a
          href="#main"
          className="sr-only rounded-lg bg-primary px-4 py-2 text-primary-foreground focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50"
        >
          Skip to content
        </a>
        <Suspense fallback={null}>
          <NavigationProgress />
        </Suspense>
        <ViewerZoneProvider zone={viewer.zone}>
          <TimeZoneSync cookieZone={viewer.cookieZone} followsBrowser={viewer.source !== 'profile'} />
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-12">
            {children}
          </main>
          <SiteFooter />
        </ViewerZoneProvider>
      </body>
    </html>
  );
}
