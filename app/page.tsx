import { CalendarDays, CreditCard, HeartHandshake } from 'lucide-react';
import Link from 'next/link';
import { FeatureCard } from '@/components/feature-card';
import { Button } from '@/components/ui/button';
import { areaOf, getCurrentUser } from '@/lib/auth';

export default async function HomePage() {
  const user = await getCurrentUser();
  return (
    <div className="flex flex-col gap-16">
      <section aria-labelledby="hero-title" className="flex flex-col items-start gap-6 py-6 sm:py-12">
        <p className="rounded-full bg-secondary px-3 py-1 text-sm font-medium text-secondary-foreground">
          Yoga · Personal training · Someone to talk to
        </p>
        <h1 id="hero-title" className="max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">
          Book the sessions and classes that keep you well
        </h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          Wellbook lets you book 1:1 sessions and group classes with yoga teachers, personal trainers and listeners.
          Pay by card, or with class credits from a pass you bought earlier.
        </p>
        <div className="flex flex-wrap gap-3">
          <Button asChild size="lg" variant={user ? 'outline' : 'default'}>
            <Link href="/schedule">Browse the schedule</Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/packages">Class passes</Link>
          </Button>
          {user ? (
            <Button asChild size="lg">
              <Link href={areaOf[user.role]}>Go to your area</Link>
            </Button>
          ) : (
            <>
              <Button asChild size="lg" variant="outline">
                <Link href="/signup">Create account</Link>
              </Button>
              <Button asChild size="lg" variant="outline">
                <Link href="/signin">Sign in</Link>
              </Button>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="features-title" className="flex flex-col gap-6">
        <h2 id="features-title" className="text-2xl font-semibold tracking-tight">
          How it works
        </h2>
        <ul className="grid gap-4 md:grid-cols-3">
          <FeatureCard icon={<CalendarDays aria-hidden="true" />} title="Book in a few taps">
            Pick a group class with seats left, or a free 1:1 slot in a practitioner&apos;s week. Your seat is held while
            you pay.
          </FeatureCard>
          <FeatureCard icon={<CreditCard aria-hidden="true" />} title="Pay your way">
            Pay by card, or buy a class pass and book with a credit. Cancel in time and you get your money or your
            credit back.
          </FeatureCard>
          <FeatureCard icon={<HeartHandshake aria-hidden="true" />} title="For practitioners too">
            Publish your sessions and weekly availability, see who is coming and whether their health questionnaire is
            up to date, and follow what you earn.
          </FeatureCard>
        </ul>
      </section>
    </div>
  );
}
