export { changePackage, createPackage } from './admin';
export { createPackageBody, listPackagesQuery, updatePackageBody } from './api-schemas';
export type { PackagePatch } from './api-schemas';
export { packagePayable, purchaseRefundRevokes } from './payable';
export { getPurchaseFor, isPurchaseOpen, openPurchase, recordExternalPurchase } from './purchase';
export type { PurchaseView } from './purchase';
export { findPackageRow, getPackage, listPackages } from './queries';
export type { PackageDto } from './queries';
