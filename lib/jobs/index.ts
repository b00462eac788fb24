export { enqueue, getBoss, QUEUES, scheduleHoldExpiry } from './queue';
export type { JobData } from './queue';
