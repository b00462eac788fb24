import type { ReactNode } from 'react';
import { Fact } from '@/components/record-layout';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { formatMoney, type Money } from '@/lib/money';
import type { Coverage } from '@/lib/packages';
import { coverageSentence } from './coverage';

export interface PackageCardData {
  id: string;
  name: string;
  description: string | null;
  class_count: number;
  price: Money;
  price_per_class: Money;
  validity_days: number;
}

/** A class pass as clients compare them: classes, price, what one class comes to, how long it lasts, and (given `coverage`) what it covers. */
export function PackageCard({ pkg, action, coverage }: { pkg: PackageCardData; action: ReactNode; coverage?: Coverage }) {
  return (
    <Card className="flex flex-col" data-testid="package-card">
      <CardHeader>
        <CardTitle>{pkg.name}</CardTitle>
        {pkg.description ? <CardDescription>{pkg.description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex-1">
        <dl className="grid grid-cols-2 gap-3">
          <Fact label="Classes" className="text-xl font-semibold">
            {pkg.class_count}
          </Fact>
          <Fact label="Price" className="text-xl font-semibold" testId="package-price">
            {formatMoney(pkg.price)}
          </Fact>
          <Fact label="Per class" testId="package-price-per-class">
            {formatMoney(pkg.price_per_class)}
          </Fact>
          <Fact label="Valid for">{pkg.validity_days === 1 ? '1 day' : `${pkg.validity_days} days`} from purchase</Fact>
          {coverage ? (
            <Fact label="Covers" testId="package-coverage">
              {coverageSentence(coverage)}
            </Fact>
          ) : null}
        </dl>
      </CardContent>
      <CardFooter>{action}</CardFooter>
    </Card>
  );
}
