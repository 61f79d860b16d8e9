package ai.massrouter.api.account;

import java.util.List;

/**
 * Hold steps of many calls, on one account or many, in one unit of work and one commit: what the
 * gateway sends for the steps that waited together. Answered with one {@link HoldStepOutcome} per
 * step, in the same order; a refused step moves nothing and does not stop the others. A failure of
 * the unit of work fails them all, and nothing moves.
 */
public record HoldStepsCommand(List<HoldStep> steps) {
}
