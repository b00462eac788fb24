export { apiRoute, errorResponse } from './api';
export { formAction, FormInput } from './form-action';
