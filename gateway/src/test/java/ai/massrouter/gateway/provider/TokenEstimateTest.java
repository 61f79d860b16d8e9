package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEstimateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void text_countsOneTokenPerCjkCharacter_andOnePerFourOthers_roundedUp() {
        assertThat(TokenEstimate.text("")).isZero();
        assertThat(TokenEstimate.text("abcd")).isEqualTo(1);
        assertThat(TokenEstimate.text("abcde")).isEqualTo(2);
        assertThat(TokenEstimate.text("你好世界")).isEqualTo(4);
        assertThat(TokenEstimate.text("こんにちは")).isEqualTo(5);
        assertThat(TokenEstimate.text("你好, MassRouter")).isEqualTo(2 + 3);
    }

    @Test
    void prompt_addsThePrimerAndFourTokensPerMessage_andPricesImagesFlat() throws Exception {
        assertThat(TokenEstimate.prompt(JSON.readTree("[{\"role\":\"user\",\"content\":\"stream slowly\"}]")))
                .isEqualTo(3 + 4 + 1 + 4);
        assertThat(TokenEstimate.prompt(JSON.readTree("""
                [{"role":"user","content":[{"type":"text","text":"abcd"},
                  {"type":"image_url","image_url":{"url":"https://x/y.png"}}]}]""")))
                .isEqualTo(3 + 4 + 1 + 1 + 85);
    }

    @Test
    void request_addsTheTextOfToolsAndResponseFormat() throws Exception {
        String messages = "[{\"role\":\"user\",\"content\":\"stream slowly\"}]";
        String tools = "[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]";
        assertThat(TokenEstimate.request(JSON.readTree("{\"messages\":" + messages + ",\"tools\":" + tools + "}")))
                .isEqualTo(TokenEstimate.prompt(JSON.readTree(messages)) + TokenEstimate.text(JSON.readTree(tools).toString()));
        assertThat(TokenEstimate.request(JSON.readTree("{\"messages\":" + messages + "}")))
                .isEqualTo(TokenEstimate.prompt(JSON.readTree(messages)));
    }

    @Test
    void deltaText_countsContentReasoningAndToolArguments() throws Exception {
        assertThat(TokenEstimate.deltaText(JSON.readTree("""
                {"content":"ab","reasoning_content":"cd","tool_calls":[{"function":{"name":"f","arguments":"{}"}}]}""")))
                .isEqualTo("abcdf{}");
        assertThat(TokenEstimate.deltaText(null)).isEmpty();
    }
}
