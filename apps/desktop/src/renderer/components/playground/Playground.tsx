import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { usePlaygroundCapabilities } from '../../hooks/usePlaygroundCapabilities';
import { usePlaygroundDraft } from '../../hooks/usePlaygroundDraft';
import { usePlaygroundRun } from '../../hooks/usePlaygroundRun';
import { usePlaygroundRunView } from '../../hooks/usePlaygroundRunView';
import { usePlaygroundTarget } from '../../hooks/usePlaygroundTarget';
import { capabilityControls, effectiveParams, schemaProblem } from '../../lib/playground-params';
import { sameTarget } from '../../lib/playground-run';
import type { SavedChoice } from '../../lib/saved-choices';
import { CapabilityFields } from './CapabilityFields';
import { ParamFields } from './ParamFields';
import { PlaygroundActions } from './PlaygroundActions';
import { PlaygroundModelPicker } from './PlaygroundModelPicker';
import { PlaygroundOutcome } from './PlaygroundOutcome';
import { PromptFields } from './PromptFields';

interface PlaygroundProps {
  /** The saved connections with a model chosen on them: what the playground may ask. */
  choices: readonly SavedChoice[];
  current: SavedChoice | null;
}

/** Try a model: a prompt, its parameters, and the answer streamed back with what it took and cost. */
export function Playground({ choices, current }: PlaygroundProps) {
  const { choice, modelId, target, choose } = usePlaygroundTarget(choices, current);
  const editor = usePlaygroundDraft(target);
  const controls = capabilityControls(usePlaygroundCapabilities(target));
  const { store, send, stop } = usePlaygroundRun();
  // Only whether the chosen model is answering: the form re-renders when that changes, not with every token.
  const streaming = usePlaygroundRunView(store, (run) => run.status === 'streaming' && sameTarget(run.target, target));
  // Typed numbers that are not valid yet, for the fields on screen: a draft read back replaces the fields, and these with them.
  const fieldsKey = `${target?.instanceId}\n${target?.modelId}\n${editor.revision}`;
  const [typed, setTyped] = useState<{ fields: string; problems: Record<string, string> }>({ fields: fieldsKey, problems: {} });
  const problems = typed.fields === fieldsKey ? typed.problems : {};
  const { draft } = editor;
  if (!choice || !modelId || !target) return null;

  const params = effectiveParams(draft.params, controls);
  const format = params.responseFormat;
  const blocked = Object.keys(problems).length > 0 || (format.type === 'json_schema' && schemaProblem(format.schema) !== null);
  const canSend = editor.loaded && !streaming && !blocked && draft.prompt.trim() !== '';

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (canSend) send({ ...target, system: draft.system, prompt: draft.prompt, params, stream: draft.stream });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };
  const onProblem = (field: string, problem: string | null) => {
    const { [field]: _old, ...others } = problems;
    setTyped({ fields: fieldsKey, problems: problem === null ? others : { ...others, [field]: problem } });
  };

  return (
    <section className="card playground stack" aria-labelledby="playground-title" data-testid="playground">
      <h2 id="playground-title" className="card-title">
        Playground
      </h2>
      <PlaygroundModelPicker
        choices={choices}
        choice={choice}
        modelId={modelId}
        current={current}
        onChoose={(chosen, id) => {
          // Choosing another model stops an answer still coming from this one.
          stop();
          choose(chosen, id);
        }}
      />
      <form className="stack" noValidate onSubmit={submit} onKeyDown={onKeyDown} aria-label="Prompt">
        <PromptFields draft={draft} disabled={!editor.loaded} onChange={editor.update} />
        <fieldset className="playground-fieldset" key={fieldsKey}>
          <legend>Parameters</legend>
          <ParamFields params={draft.params} onChange={editor.updateParams} onProblem={onProblem} />
          <CapabilityFields controls={controls} params={draft.params} onChange={editor.updateParams} />
        </fieldset>
        <PlaygroundActions
          canSend={canSend}
          streaming={streaming}
          stream={draft.stream}
          onStream={(stream) => editor.update({ stream })}
          onStop={stop}
          saveError={editor.saveError}
        />
      </form>
      <PlaygroundOutcome store={store} target={target} />
    </section>
  );
}
