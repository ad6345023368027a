// The organisation settings that shape signals and alerts (PATCH /api/organisation), validated at
// the edge; defaults and their reasons are in src/core/signals/defaults.ts and docs/signals.md.
import { Type } from "@fastify/type-provider-typebox";
import { DEFAULT_SIGNAL_OPTIONS } from "../../core/signals/defaults.js";

export const signalSettingsSchema = {
  ruptureMode: Type.Optional(
    Type.Union([Type.Literal("sensitive"), Type.Literal("strict")], {
      description: `Rupture rule: a drop of ≥ 1 SD (sensitive) or ≥ 2 SD (strict) below the client's own baseline; default ${DEFAULT_SIGNAL_OPTIONS.rupture.mode} (design choice).`,
    }),
  ),
  noImprovementBySession: Type.Optional(
    Type.Integer({
      minimum: 2,
      maximum: 52,
      description: `No-improvement alert: no reliable improvement from the intake score by this session of care; default ${DEFAULT_SIGNAL_OPTIONS.noImprovement.bySession} (design choice; docs/signals.md shows the share of stable and improving clients each k flags).`,
    }),
  ),
};
