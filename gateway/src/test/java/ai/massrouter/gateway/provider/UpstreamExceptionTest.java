package ai.massrouter.gateway.provider;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamExceptionTest {

    @Test
    void serverErrorsTimeoutsAndRateLimits_mayFallBack_clientErrorsMayNot() {
        assertThat(UpstreamException.ofStatus("p", 500, "x").retryable()).isTrue();
        assertThat(UpstreamException.ofStatus("p", 529, "overloaded").retryable()).isTrue();
        assertThat(UpstreamException.ofStatus("p", 408, null).retryable()).isTrue();
        assertThat(UpstreamException.ofStatus("p", 429, null).retryable()).isTrue();
        assertThat(UpstreamException.ofStatus("p", 401, null).retryable()).isFalse();
        UpstreamException badRequest = UpstreamException.ofStatus("p", 400, "messages: bad");
        assertThat(badRequest.retryable()).isFalse();
        assertThat(badRequest.clientError()).isTrue();
        assertThat(badRequest.getMessage()).isEqualTo("p answered 400: messages: bad");
        assertThat(UpstreamException.unreachable("p", new ConnectException("refused")).retryable()).isTrue();
    }
}
