export { HttpFailure } from './http-error.js';
export { httpGet, type FetchLike, type HttpGetOptions, type HttpResponse } from './http-get.js';
export { parseJsonBody, errorDetail, type ParseJsonOptions } from './parse-json.js';
export { recogniseLiteLLMPage } from './proxy-page.js';
export { quoteServerText, MAX_SERVER_TEXT } from './server-text.js';
