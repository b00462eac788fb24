export { cancelBookingAndSettle } from './cancel-booking';
export { cancelClassAndSettle } from './cancel-class';
export { bookAndPay } from './create-booking';
export { payBookingWithCredit, returnBookingCredit } from './credits';
export { startPackagePurchase, updatePackage } from './packages';
export { payments } from './payments';
export { connectDashboardUrl, connectOnboardingUrl, connectStatus, createPayouts, sendPayout } from './earnings';
export { completeClass } from '@/lib/bookings';
export { sendDueReminders } from './reminders';
