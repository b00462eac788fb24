import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http';

// Unknown /api/v1 paths answer in the API's error shape, not with an HTML page.
function notFound(): Response {
  return errorResponse(new AppError('not_found', 'No such API endpoint.'));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
