package ai.massrouter.api.account;

import ai.massrouter.api.common.ErrorDetails;

/** One step of a {@link HoldStepsCommand}: its result, or why it was refused (then nothing moved for it). */
public record HoldStepOutcome(AccountOperationResult result, ErrorDetails error) {

    /** The result, or the refusal thrown as the step alone would have thrown it. */
    public AccountOperationResult resultOrThrow() {
        if (error != null) {
            throw error.toException();
        }
        return result;
    }
}
