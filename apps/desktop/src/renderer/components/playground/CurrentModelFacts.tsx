import type { Model } from '@switchboard/shared';
import { capabilityBadges, modelFacts } from '../../lib/model-facts';

const FACT_LABELS = { context: 'Context window', output: 'Output limit', price: 'Price (input / output)' } as const;

/** What the catalog knows of the model in use, as the picker's rows say it: limits, price, abilities. */
export function CurrentModelFacts({ model }: { model: Model | undefined }) {
  if (!model) return null;
  const badges = capabilityBadges(model);
  return (
    <>
      {modelFacts(model).map((fact) => (
        <div key={fact.key} className="overview-fact" data-fact={fact.key} data-known={fact.known}>
          <dt>{FACT_LABELS[fact.key]}</dt>
          <dd title={fact.title}>
            {fact.known ? fact.value : 'unknown'}
            {fact.known && fact.unit ? <span className="muted"> {fact.unit}</span> : null}
          </dd>
        </div>
      ))}
      <div className="overview-fact" data-fact="capabilities">
        <dt>Abilities</dt>
        <dd>
          {badges.length === 0 ? (
            <span className="muted">none known</span>
          ) : (
            badges.map((badge) => (
              <span key={badge.capability} className="badge badge-capability overview-badge" data-capability={badge.capability} title={badge.title}>
                {badge.label}
              </span>
            ))
          )}
        </dd>
      </div>
    </>
  );
}
