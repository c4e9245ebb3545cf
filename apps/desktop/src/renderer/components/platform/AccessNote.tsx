import { Icon } from '../ui/Icon';

/**
 * The proxy's word that the key's access decides what is listed (a LiteLLM
 * team key): said beside the list, so a short list is not taken for the
 * proxy's whole catalog.
 */
export function AccessNote({ text }: { text: string }) {
  return (
    <p className="access-note" role="note" data-testid="model-list-note">
      <Icon name="info" />
      <span>{text}</span>
    </p>
  );
}
