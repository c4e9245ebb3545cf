export { HttpFailure } from './http-error.js';
export { httpGet, type FetchLike, type HttpResponse } from './http-get.js';
export { parseJsonBody, errorDetail } from './parse-json.js';
export { quoteServerText } from './server-text.js';
