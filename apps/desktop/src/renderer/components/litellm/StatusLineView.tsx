// Kept for code written against the LiteLLM-only panel (the opencode section imports it); new code imports ../platform/StatusLineView.
export { StatusLineView } from '../platform/StatusLineView';
