export { HttpFailure } from './http-error.js';
export { httpGet, type FetchLike, type HttpGetOptions, type HttpResponse } from './http-get.js';
export { parseJsonBody, errorDetail } from './parse-json.js';
export { quoteServerText, MAX_SERVER_TEXT } from './server-text.js';
