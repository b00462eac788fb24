export { apiRoute, errorResponse } from './api';
export { formAction, FormInput } from './form-action';
export { requestOrigin } from './request-origin';
