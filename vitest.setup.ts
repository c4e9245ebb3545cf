import fc from 'fast-check';

// Property tests draw from one fixed seed, so a CI run is repeatable; SWITCHBOARD_PROPERTY_SEED explores other inputs.
fc.configureGlobal({ seed: Number(process.env.SWITCHBOARD_PROPERTY_SEED ?? 20_261_129) });
