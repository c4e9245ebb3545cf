// Kept for code written against the LiteLLM-only panel (the opencode section imports it); new code imports ./status-line.
export type { StatusLine } from './status-line';
