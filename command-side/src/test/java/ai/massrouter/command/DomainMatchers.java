package ai.massrouter.command;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import org.hamcrest.Matcher;
import org.axonframework.test.matchers.Matchers;

/** Fixture matchers that read like the domain: {@code expectException(refusedWith(BILL_001))}. */
public final class DomainMatchers {

    private DomainMatchers() {
    }

    public static Matcher<Object> refusedWith(ErrorCode code) {
        return Matchers.predicate(e -> e instanceof DomainException d && d.code() == code);
    }
}
