/** The export's columns, in file order, each with what it holds. */
export function TransactionColumns({ columns }: { columns: readonly { header: string; description: string }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {columns.map((c) => (
        <div key={c.header} className="contents">
          <dt className="font-mono text-xs leading-5 font-medium">{c.header}</dt>
          <dd className="text-muted-foreground">{c.description}</dd>
        </div>
      ))}
    </dl>
  );
}
