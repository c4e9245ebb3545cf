export * from './contract.js';
export { AppNoticeSchema, type AppNotice, type AppNoticeKind } from './contract-app.js';
export { contentSecurityPolicy } from './content-security-policy.js';
export {
  OpencodePreviewSchema,
  OpencodeSettingsViewSchema,
  WrittenConfigSchema,
  type OpencodePreview,
  type OpencodeSettingsView,
  type WrittenConfig,
} from './contract-opencode.js';
export * from './errors.js';
export * from './failure-log.js';
export * from './key-input.js';
export * from './key-problem.js';
export * from './model.js';
export * from './model-mapper.js';
export * from './model-bounds.js';
export * from './instance-id.js';
export * from './instance-id-schema.js';
export { opencodeRoute } from './opencode-route.js';
export * from './platform.js';
export * from './platform-verbs.js';
export * from './url.js';
export { proxyPageSentence, recogniseProxyPage, type ProxyPage, type RecognisedPage } from './admin-pages.js';
