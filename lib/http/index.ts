export { apiRoute, errorResponse } from './api';
export { MAX_WEBHOOK_BYTES, readBodyText, readJsonText } from './json-body';
export { formAction, FormInput } from './form-action';
export { requestOrigin } from './request-origin';
