import type { GenerationParams, ModelCapabilities } from '@switchboard/shared';

export type ResponseFormatType = GenerationParams['responseFormat']['type'];

/** Which of the optional controls the model's metadata allows: what nobody says stays hidden. */
export interface CapabilityControls {
  reasoningEffort: boolean;
  /** The response formats offered, `text` first; just `text` means the control is hidden. */
  responseFormats: ResponseFormatType[];
}

/**
 * The same rule as core's request builder: where the metadata lists the
 * parameters, the list decides; where it does not, only an explicit
 * `supports_reasoning` / `supports_response_schema` offers a control.
 */
export function capabilityControls(capabilities: ModelCapabilities | null): CapabilityControls {
  const listed = capabilities?.supportedParams ?? null;
  const formats: ResponseFormatType[] = ['text'];
  if (listed !== null && listed.includes('response_format')) formats.push('json_object');
  if (capabilities?.supportsResponseSchema === true && (listed === null || listed.includes('response_format'))) formats.push('json_schema');
  return {
    reasoningEffort: listed === null ? capabilities?.supportsReasoning === true : listed.includes('reasoning_effort'),
    responseFormats: formats,
  };
}

/** The parameters as sent: a control the model does not offer (a draft kept from another day) sends nothing. */
export function effectiveParams(params: GenerationParams, controls: CapabilityControls): GenerationParams {
  const format = controls.responseFormats.includes(params.responseFormat.type) ? params.responseFormat : { type: 'text' as const };
  return { ...params, reasoningEffort: controls.reasoningEffort ? params.reasoningEffort : null, responseFormat: format };
}

/** "line 3, column 7" for a 0-based offset into `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** V8's JSON.parse messages carry the offset ("… in JSON at position 12 (line 2 column 3)"); older ones only the offset. */
const POSITION = /at position (\d+)/;

/**
 * Checks a JSON schema as typed, before anything is sent; null when it is a
 * JSON object, else a sentence with where the problem is.
 */
export function schemaProblem(text: string): string | null {
  if (text.trim() === '') return 'Type a JSON schema, or choose another response format.';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : '';
    const offset = POSITION.exec(raw)?.[1];
    const reason = raw.replace(/\s*(?:in JSON )?at position \d+.*$/s, '').replace(/^JSON\.parse: /, '').trim();
    const where = offset === undefined ? (raw.includes('end of') ? ` at the end (${lineAndColumn(text, text.length)})` : '') : ` at ${lineAndColumn(text, Number(offset))}`;
    return `The JSON schema is not valid JSON${where}: ${reason || 'it could not be read'}. Fix it, then send again.`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return 'The JSON schema must be a JSON object ({ … }), not ' + (Array.isArray(parsed) ? 'an array.' : `a ${parsed === null ? 'null' : typeof parsed}.`);
  }
  return null;
}

/** A stop sequence as typed in its field: a line break or a tab written as \n or \t, a backslash as \\. */
export function encodeStop(sequence: string): string {
  return sequence.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

export function decodeStop(typed: string): string {
  return typed.replace(/\\(\\|n|t)/g, (_, escaped: string) => (escaped === 'n' ? '\n' : escaped === 't' ? '\t' : '\\'));
}

export interface NumberRule {
  min: number;
  max: number;
  integer: boolean;
}

/** A typed number: null for an empty field (leave it to the model), else the value, or a sentence when it is out of bounds. */
export function readNumber(typed: string, label: string, rule: NumberRule): { value: number | null; problem: string | null } {
  const text = typed.trim();
  if (text === '') return { value: null, problem: null };
  const value = Number(text);
  const kind = rule.integer ? 'a whole number' : 'a number';
  if (!Number.isFinite(value) || (rule.integer && !Number.isInteger(value)) || value < rule.min || value > rule.max) {
    return { value: null, problem: `${label} must be ${kind} from ${rule.min} to ${rule.max}, or empty to leave it to the model.` };
  }
  return { value, problem: null };
}
