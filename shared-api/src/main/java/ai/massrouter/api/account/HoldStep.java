package ai.massrouter.api.account;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * One step of a gateway call's money: its hold, then the hold's settlement or release. Each is an
 * account operation of its own, named by the hold (the call's request id) in its own origin.
 * Typed by name in JSON, so that a {@link HoldStepsCommand} crosses to another node (Axon Server)
 * with each step's kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "step")
@JsonSubTypes({@JsonSubTypes.Type(value = PlaceHoldCommand.class, name = "hold"),
        @JsonSubTypes.Type(value = SettleHoldCommand.class, name = "settle"),
        @JsonSubTypes.Type(value = ReleaseHoldCommand.class, name = "release")})
public sealed interface HoldStep permits PlaceHoldCommand, SettleHoldCommand, ReleaseHoldCommand {

    AccountId accountId();

    HoldId holdId();

    Instant at();

    /** The step's idempotency identity: the hold's id in the step's origin. */
    OperationId operationId();
}
