package ai.massrouter.command.identity;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;

import java.util.Map;

/** The clear errors a provider sign-in ends in; never a stack trace. */
final class ProviderFailures {

    private ProviderFailures() {
    }

    /** The provider said no: a bad or used code, a denied consent, wrong client credentials. */
    static DomainException refused(String provider, String reason) {
        return new DomainException(ErrorCode.ERR_002, "Sign-in through " + provider + " failed: " + reason,
                Map.of("provider", reason));
    }

    /** The provider did not answer (down, unreachable, too slow). */
    static DomainException unreachable(String provider) {
        return new DomainException(ErrorCode.ERR_005, provider + " did not answer; try again later",
                Map.of("provider", "unreachable"));
    }

    /** The provider answered something that is not its protocol. */
    static DomainException badAnswer(String provider, String what) {
        return new DomainException(ErrorCode.ERR_005, provider + " gave an unexpected answer: " + what,
                Map.of("provider", "unexpected answer"));
    }
}
