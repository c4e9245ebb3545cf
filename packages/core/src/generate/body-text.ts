import { HttpFailure } from '../http/index.js';

/**
 * Reads a whole body as text (a plain answer, an error), telling the
 * deadlines each time bytes arrive and giving up past `maxChars`.
 */
export async function readBodyText(response: Response, maxChars: number, onChunk: () => void, tooLarge: string): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    onChunk();
    text += decoder.decode(value, { stream: true });
    if (text.length > maxChars) {
      await reader.cancel().catch(() => undefined);
      throw new HttpFailure('too-large', tooLarge);
    }
  }
}
