import type { UrlOffer } from '../../lib/url-offer';

interface UrlSuggestionProps {
  offer: UrlOffer | null;
  onTake(offer: UrlOffer): void;
}

/**
 * "Use http://host:4000": one click puts the offered address into the field.
 * A polite live region that is always in the page, so the offer is announced
 * when it appears; the sentence is said here only where no status line says it.
 */
export function UrlSuggestion({ offer, onTake }: UrlSuggestionProps) {
  return (
    <div role="status" aria-live="polite" className="url-suggestion-region">
      {offer ? (
        <>
          {offer.sentence ? <span className="visually-hidden">{offer.sentence}</span> : null}
          <button type="button" className="button button-small" data-testid="url-suggestion" onClick={() => onTake(offer)}>
            Use {offer.url}
            {offer.retest ? ' and test again' : ''}
          </button>
        </>
      ) : null}
    </div>
  );
}
