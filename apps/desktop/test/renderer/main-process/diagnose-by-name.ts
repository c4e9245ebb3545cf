import { DEFAULT_OPENROUTER_BASE_URL, type DiagnosisEvent, type SwitchboardStreams } from '@switchboard/shared';

type Diagnose = SwitchboardStreams['connection:diagnose'];

/** `http://host:port` and `host:port`, as a step's detail or the report may say either. */
function spellings(origin: string): [string, string] {
  return [origin, new URL(origin).host];
}

function named(event: DiagnosisEvent, server: string, origin: string): DiagnosisEvent {
  let text = JSON.stringify(event);
  spellings(server).forEach((spelling, index) => (text = text.split(spelling).join(spellings(origin)[index] ?? spelling)));
  return JSON.parse(text) as DiagnosisEvent;
}

/**
 * The renderer tests name hosts (http://localhost:4000, http://vllm.local:8000)
 * that their loopback servers stand in for, and main's fetch is routed to
 * them. Test Connection also resolves the name and opens its own socket, which
 * fetch's routing cannot reach: here the URL it is given is the server's own
 * address, as a resolver would have answered, and what it says names the
 * host the test typed again. OpenRouter's address is main's setting, so it is
 * pointed at its server for the run.
 */
export function diagnoseByName(diagnose: Diagnose, routes: () => Record<string, string>, nothingListening: string, env: Record<string, string>): Diagnose {
  return async function* (input, signal) {
    const openrouter = input.platform === 'openrouter';
    const typed = openrouter ? (env.SWITCHBOARD_OPENROUTER_BASE_URL ?? DEFAULT_OPENROUTER_BASE_URL) : input.url;
    let origin: string;
    try {
      origin = new URL(typed ?? '').origin;
    } catch {
      yield* diagnose(input, signal);
      return;
    }
    const server = routes()[origin] ?? nothingListening;
    const there = `${server}${(typed ?? '').slice(origin.length)}`;
    const before = env.SWITCHBOARD_OPENROUTER_BASE_URL;
    if (openrouter) env.SWITCHBOARD_OPENROUTER_BASE_URL = there;
    try {
      for await (const event of diagnose(openrouter ? input : { ...input, url: there }, signal)) yield named(event, server, origin);
    } finally {
      if (openrouter) {
        if (before === undefined) delete env.SWITCHBOARD_OPENROUTER_BASE_URL;
        else env.SWITCHBOARD_OPENROUTER_BASE_URL = before;
      }
    }
  };
}
