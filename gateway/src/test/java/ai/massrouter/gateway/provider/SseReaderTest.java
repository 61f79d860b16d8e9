package ai.massrouter.gateway.provider;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SseReaderTest {

    private static SseReader reader(String text) {
        return new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsNamedAndUnnamedEvents_skippingComments_andJoiningDataLines() throws Exception {
        SseReader events = reader(": comment\n\nevent: message_start\ndata: {\"a\":1}\n\ndata: one\ndata: two\r\n\r\n"
                + "data:[DONE]\n\n");

        assertThat(events.next()).isEqualTo(new SseEvent("message_start", "{\"a\":1}"));
        assertThat(events.next()).isEqualTo(new SseEvent(null, "one\ntwo"));
        assertThat(events.next()).isEqualTo(new SseEvent(null, "[DONE]"));
        assertThat(events.next()).isNull();
    }

    @Test
    void anEventCutOffWithoutItsBlankLine_isStillDelivered() throws Exception {
        SseReader events = reader("data: last");

        assertThat(events.next()).isEqualTo(new SseEvent(null, "last"));
        assertThat(events.next()).isNull();
    }
}
