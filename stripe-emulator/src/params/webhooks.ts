import type Stripe from 'stripe';
import { sdkParams } from './spec';

/** Events and webhook endpoints: the top-level parameters of each endpoint, exactly the SDK's (checked by the compiler and tests/params.test.ts). */

export const EVENT = sdkParams<Stripe.EventRetrieveParams>('EventRetrieveParams', { expand: true });
export const EVENTS = sdkParams<Stripe.EventListParams>('EventListParams', {
  created: true, delivery_success: true, ending_before: true, expand: true, limit: true, starting_after: true, type: true,
  types: true,
});
export const CREATE_ENDPOINT = sdkParams<Stripe.WebhookEndpointCreateParams>('WebhookEndpointCreateParams', {
  api_version: true, connect: true, description: true, enabled_events: true, expand: true, metadata: true, url: true,
});
export const LIST_ENDPOINTS = sdkParams<Stripe.WebhookEndpointListParams>('WebhookEndpointListParams', {
  ending_before: true, expand: true, limit: true, starting_after: true,
});
export const RETRIEVE_ENDPOINT = sdkParams<Stripe.WebhookEndpointRetrieveParams>('WebhookEndpointRetrieveParams', { expand: true });
export const UPDATE_ENDPOINT = sdkParams<Stripe.WebhookEndpointUpdateParams>('WebhookEndpointUpdateParams', {
  description: true, disabled: true, enabled_events: true, expand: true, metadata: true, url: true,
});
export const DELETE_ENDPOINT = sdkParams<Stripe.WebhookEndpointDeleteParams>('WebhookEndpointDeleteParams', {});
