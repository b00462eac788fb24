import Link from 'next/link';

/** Whether the client's credits pay for what they are about to book (null: they hold no usable credit at all). */
export type CreditCoverView = { covered: true; passName: string; usesLeft: number } | { covered: false; hasCredits: boolean };

/** "Your 10-class pass covers this class: 7 uses left" or "Your credits don't cover this class". */
export function CreditCover({ cover, what }: { cover: CreditCoverView; what: 'class' | 'session' }) {
  const thing = what === 'class' ? 'this class' : 'this session';
  return (
    <span data-testid="credit-cover">
      {cover.covered ? (
        `Your ${cover.passName} covers ${thing}: ${cover.usesLeft} ${cover.usesLeft === 1 ? 'use' : 'uses'} left`
      ) : cover.hasCredits ? (
        <>
          Your credits don’t cover {thing}.{' '}
          <Link href="/account/credits" className="font-medium text-primary underline underline-offset-4">
            What your credits cover
          </Link>
        </>
      ) : (
        <>
          You have no class credits.{' '}
          <Link href="/packages" className="font-medium text-primary underline underline-offset-4">
            See class passes
          </Link>
        </>
      )}
    </span>
  );
}
