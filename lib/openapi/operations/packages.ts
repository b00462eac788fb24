import { z } from 'zod';
import { createPackageBody, listPackagesQuery, updatePackageBody } from '@/lib/packages';
import { payBody } from '@/lib/payments';
import { apiModule } from '../registry';
import { classPackage, packageSchemas, purchaseStart, purchaseView } from '../responses/packages';

export const packagesApi = apiModule({
  tags: [{ name: 'Packages', description: 'Class passes: bought by card, each grants a credit of uses that book classes.' }],
  schemas: packageSchemas,
  operations: [
    {
      method: 'get',
      path: '/api/v1/packages',
      operationId: 'listPackages',
      summary: 'Packages on sale',
      description: 'Each with its price and price per class. Admins may add `include_retired=true`.',
      access: 'public',
      query: listPackagesQuery,
      response: { status: 200, description: 'The packages.', schema: z.object({ packages: z.array(classPackage) }) },
    },
    {
      method: 'post',
      path: '/api/v1/packages',
      operationId: 'createPackage',
      summary: 'Create a package',
      description: 'The fee defaults to the platform_fee_bps setting. A name already used (in any case) is a 409.',
      access: ['admin'],
      body: createPackageBody,
      response: { status: 201, description: 'The package.', schema: classPackage },
      errors: ['conflict'],
    },
    {
      method: 'get',
      path: '/api/v1/packages/{id}',
      operationId: 'getPackage',
      summary: 'One package',
      description: 'A retired package is visible to admins only.',
      access: 'public',
      params: { id: 'The package id.' },
      response: { status: 200, description: 'The package.', schema: classPackage },
    },
    {
      method: 'patch',
      path: '/api/v1/packages/{id}',
      operationId: 'updatePackage',
      summary: 'Edit, retire or restore a package',
      description: '`{active: false}` retires it, `{active: true}` restores it. Credits already sold never change; open purchases on the old terms are closed.',
      access: ['admin'],
      params: { id: 'The package id.' },
      body: updatePackageBody,
      response: { status: 200, description: 'The package.', schema: classPackage },
      errors: ['conflict'],
    },
    {
      method: 'post',
      path: '/api/v1/packages/{id}/purchase',
      operationId: 'purchasePackage',
      summary: 'Buy a package',
      description:
        'Starts or resumes the client\'s purchase and its one card payment, with the server\'s price; asking again never makes a second charge. ' +
        'The credit is granted by the payment\'s webhook (or M-Pesa callback), once. A package priced in KES is paid with M-Pesa: send `{pay_with: "mpesa", phone}`.',
      access: ['client'],
      params: { id: 'The package id.' },
      body: payBody,
      fields: { pay_with: '`card` (the default; no body at all is the card too) or `mpesa`.', phone: 'For M-Pesa: a Kenyan mobile number, 07…, 01…, +2547… or 2541…; normalised to 2547…/2541….' },
      response: { status: 201, description: 'How to pay.', schema: purchaseStart },
      errors: ['unprocessable', 'service_unavailable'],
    },
    {
      method: 'get',
      path: '/api/v1/packages/purchases/{id}',
      operationId: 'getPurchase',
      summary: 'A package purchase and its credit',
      description: 'For its client or an admin; the credit appears once the payment has succeeded.',
      access: 'user',
      params: { id: 'The purchase id.' },
      response: { status: 200, description: 'The purchase.', schema: purchaseView },
    },
  ],
});
