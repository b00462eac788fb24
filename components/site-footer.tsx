export function SiteFooter() {
  return (
    <footer className="border-t border-border">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:justify-between sm:px-6">
        <p>Wellbook: sessions and classes for wellness and fitness practices.</p>
        <p>Card payments are processed securely by Stripe, M-Pesa payments by Safaricom.</p>
      </div>
    </footer>
  );
}
