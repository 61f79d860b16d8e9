package ai.massrouter.app.live;

import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.LiveClient;
import ai.massrouter.app.support.PlatformIT;
import ai.massrouter.app.support.SecondNode;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ai.massrouter.app.support.LiveClient.event;
import static ai.massrouter.app.support.MoneyFixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /ws} over a real socket, with the JDK's WebSocket client, against the whole application. */
class LiveUpdatesIT extends PlatformIT {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    /** The read model shows the funding before the test subscribes: a snapshot of it, no late push. */
    private User fundedUser(String amount) {
        return fundedUser("live", amount);
    }

    /** mock/echo costs 1.00 per million prompt tokens: 100,000 prompt tokens cost exactly 0.10. */
    private static Response charge(ApiClient client, User user) {
        Response charged = client.post("/api/v1/billing/usage", Map.of("request_id", "live-" + UUID.randomUUID(),
                "model", "mock/echo", "prompt_tokens", 100_000, "completion_tokens", 0), user.token());
        assertThat(charged.status()).as(charged.toString()).isEqualTo(200);
        return charged;
    }

    private LiveClient connected(int port, User user) {
        LiveClient client = LiveClient.connect(port, user.token());
        JsonNode ack = client.next(5000);
        assertThat(ack).isNotNull();
        assertThat(ack.path("action").asText()).as(ack.toString()).isEqualTo("auth");
        assertThat(ack.path("user_id").asText()).isEqualTo(user.id());
        return client;
    }

    private static boolean isCharge(JsonNode m) {
        return event("balance.changed").test(m) && m.path("data").path("kind").asText().equals("charge");
    }

    @Test
    void aCharge_isPushedWithinASecond_andTheReadModelAlreadyShowsIt() {
        User user = fundedUser("5.00");
        try (LiveClient live = connected(port, user).subscribe("billing.updates")) {
            JsonNode snapshot = live.next(event("balance.snapshot"), 5000);
            assertThat(snapshot.path("data").path("total").decimalValue()).isEqualByComparingTo("5.00");
            long sent = System.nanoTime();
            Response charged = charge(api, user);
            JsonNode push = live.next(LiveUpdatesIT::isCharge, 1000);
            long millis = (System.nanoTime() - sent) / 1_000_000;

            assertThat(push).as("a push within a second of the charge (took %d ms)", millis).isNotNull();
            assertThat(push.path("topic").asText()).isEqualTo("billing.updates");
            assertThat(push.path("id").asText()).isNotBlank();
            assertThat(push.path("at").asText()).isNotBlank();
            assertThat(push.path("seq").asLong()).isEqualTo(snapshot.path("seq").asLong() + 1);
            assertThat(push.path("data").path("amount").decimalValue()).isEqualByComparingTo("-0.10");
            assertThat(push.path("data").path("total").decimalValue())
                    .isEqualByComparingTo(charged.data().path("balance_after").decimalValue());
            assertThat(push.path("data").path("model").asText()).isEqualTo("mock/echo");
            // the push left after the read model's commit: REST already shows it, without waiting
            assertThat(balance(api, user.token()).path("total").decimalValue()).isEqualByComparingTo("4.90");
        }
    }

    @Test
    void aRedeemedCode_isPushedAsACredit() {
        User user = fundedUser("1.00");
        Response issued = api.post("/api/v1/admin/redemption-codes", Map.of("amount", 3, "count", 1), adminToken());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        try (LiveClient live = connected(port, user).subscribe("billing.updates")) {
            live.next(event("balance.snapshot"), 5000);
            Response redeemed = api.post("/api/v1/billing/redemptions",
                    Map.of("code", issued.data().path("codes").get(0).asText()), user.token());
            assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);

            JsonNode push = live.next(m -> event("balance.changed").test(m)
                    && m.path("data").path("kind").asText().equals("redemption"), 5000);
            assertThat(push).as("the redemption's credit is pushed").isNotNull();
            assertThat(push.path("data").path("amount").decimalValue()).isEqualByComparingTo("3");
            assertThat(push.path("data").path("total").decimalValue()).isEqualByComparingTo("4.00");
        }
    }

    @Test
    void aUser_neverReceivesAnotherUsersUpdates_evenWhenAskingForThem() {
        User a = fundedUser("5.00");
        User b = fundedUser("5.00");
        try (LiveClient liveA = connected(port, a).subscribe("billing.updates").subscribe("system.alerts");
             LiveClient liveB = connected(port, b).subscribe("billing.updates")) {
            liveA.send("{\"action\":\"subscribe\",\"topic\":\"billing.updates\",\"user_id\":\"" + b.id() + "\"}");
            JsonNode refused = liveA.next(m -> m.path("type").asText().equals("error"), 5000);
            assertThat(refused.path("code").asText()).isEqualTo("ERR_003");
            charge(api, b);

            assertThat(liveB.next(LiveUpdatesIT::isCharge, 2000)).isNotNull();
            // A may still see its own funding arrive; never a word about B's account
            String accountOfB = "acc_" + b.id().substring(4);
            assertThat(liveA.next(m -> m.path("type").asText().equals("event")
                    && m.path("data").path("account_id").asText().equals(accountOfB), 1500)).isNull();
        }
    }

    @Test
    void badMessages_areAnsweredWithErrors_onAConnectionThatStaysOpen() {
        User user = fundedUser("1.00");
        try (LiveClient live = LiveClient.connectAnonymously(port)) {
            live.send("{\"action\":\"subscribe\",\"topic\":\"billing.updates\"}");
            assertError(live, "ERR_002");
            live.send("{\"action\":\"auth\",\"token\":\"" + user.token() + "\"}");
            assertThat(live.next(5000).path("action").asText()).isEqualTo("auth");
            live.send("{not json");
            assertError(live, "ERR_001");
            live.send("[1,2]");
            assertError(live, "ERR_001");
            live.send("{\"action\":\"explode\"}");
            assertError(live, "ERR_001");
            live.send("{\"action\":\"subscribe\",\"topic\":\"billing.everyone\"}");
            assertError(live, "ERR_001");
            live.send("{\"action\":\"subscribe\",\"topic\":\"billing.updates\",\"user_id\":\"usr_someone_else\"}");
            assertError(live, "ERR_003");
            live.send("{\"action\":\"ping\"}");
            JsonNode pong = live.next(5000);
            assertThat(pong.path("type").asText()).isEqualTo("ack");
            assertThat(pong.path("action").asText()).isEqualTo("ping");
            assertThat(live.isOpen()).isTrue();
        }
    }

    private static void assertError(LiveClient live, String code) {
        JsonNode error = live.next(5000);
        assertThat(error).isNotNull();
        assertThat(error.path("type").asText()).as(error.toString()).isEqualTo("error");
        assertThat(error.path("code").asText()).as(error.toString()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
    }

    @Test
    void aConnectionThatNeverAuthenticates_isClosedWithAReason() {
        try (LiveClient silent = LiveClient.connectAnonymously(port)) {
            LiveClient.Closed closed = silent.awaitClose(9000);
            assertThat(closed).isNotNull();
            assertThat(closed.code()).isEqualTo(4408);
            assertThat(closed.reason()).contains("not authenticated");
        }
        try (LiveClient forged = LiveClient.connect(port, "eyJhbGciOiJIUzI1NiJ9.e30.forged")) {
            LiveClient.Closed closed = forged.awaitClose(5000);
            assertThat(closed).isNotNull();
            assertThat(closed.code()).isEqualTo(4401);
            assertThat(closed.reason()).startsWith("ERR_002");
        }
    }

    @Test
    void aChargeMadeOnAnotherNode_reachesASubscriberHere_andTheOtherWayRound() {
        User user = fundedUser("5.00");
        try (SecondNode node2 = SecondNode.start(databaseUrl);
             LiveClient here = connected(port, user).subscribe("billing.updates");
             LiveClient there = connected(node2.port(), user).subscribe("billing.updates")) {
            charge(node2.api(), user);
            assertThat(here.next(LiveUpdatesIT::isCharge, 3000)).isNotNull();
            assertThat(there.next(LiveUpdatesIT::isCharge, 3000)).isNotNull();
            charge(api, user);
            JsonNode onNode2 = there.next(LiveUpdatesIT::isCharge, 3000);
            assertThat(onNode2).isNotNull();
            assertThat(onNode2.path("data").path("total").decimalValue()).isEqualByComparingTo("4.80");
        }
    }

    @Test
    void suspendingAUser_closesTheirConnection_andRevokingAKey_closesOnlyTheConnectionThatUsedIt() {
        User user = fundedUser("1.00");
        Response created = api.post("/api/v1/users/me/api-keys", Map.of("name", "live", "permissions",
                List.of("read")), user.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String keyId = created.data().path("id").asText();
        try (LiveClient byKey = connected(port, new User(user.id(), created.data().path("key").asText(), user.account()));
             LiveClient byJwt = connected(port, user)) {
            assertThat(api.delete("/api/v1/users/me/api-keys/" + keyId, user.token()).status()).isLessThan(300);
            LiveClient.Closed closed = byKey.awaitClose(5000);
            assertThat(closed).isNotNull();
            assertThat(closed.code()).isEqualTo(4403);
            assertThat(closed.reason()).startsWith("APIKEY_001");
            byJwt.send("{\"action\":\"ping\"}");
            assertThat(byJwt.next(2000)).isNotNull();

            Response suspended = api.put("/api/v1/admin/users/" + user.id() + "/status",
                    Map.of("status", "suspended", "reason", "abuse"), adminToken());
            assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
            closed = byJwt.awaitClose(5000);
            assertThat(closed).isNotNull();
            assertThat(closed.code()).isEqualTo(4403);
            assertThat(closed.reason()).isEqualTo("USER_001: user is suspended");
        }
        try (LiveClient again = LiveClient.connect(port, user.token())) {
            assertThat(again.awaitClose(5000).code()).isEqualTo(4401);
        }
    }

    @Test
    void modelUsage_isBatchedCounters_andALowBalance_raisesAnAlert() {
        User user = fundedUser("10.15");
        try (LiveClient live = connected(port, user).subscribe("model.usage").subscribe("system.alerts")) {
            live.drain(700); // a batch from an earlier test's calls goes out first
            charge(api, user);
            charge(api, user); // a batch from an earlier test's calls goes out first
            // the alert and the counters arrive in either order: read both topics for a while
            long calls = 0;
            long promptTokens = 0;
            JsonNode low = null;
            long deadline = System.currentTimeMillis() + 5000;
            while ((calls < 2 || low == null) && System.currentTimeMillis() < deadline) {
                JsonNode message = live.next(500);
                if (message == null) {
                    continue;
                }
                if (event("balance.low").test(message)) {
                    low = message;
                }
                if (event("usage.counters").test(message)) {
                    assertThat(message.path("topic").asText()).isEqualTo("model.usage");
                    for (JsonNode model : message.path("data").path("models")) {
                        if (model.path("model").asText().equals("mock/echo")) {
                            calls += model.path("calls").asLong();
                            promptTokens += model.path("prompt_tokens").asLong();
                        }
                    }
                }
            }
            assertThat(calls).isEqualTo(2);
            assertThat(promptTokens).isEqualTo(200_000);
            assertThat(low).as("a low-balance alert").isNotNull();
            assertThat(low.path("topic").asText()).isEqualTo("system.alerts");
            assertThat(low.path("data").path("total").decimalValue()).isEqualByComparingTo("9.95");
        }
    }

    @Test
    void replayingTheLedger_pushesNothing() {
        User user = fundedUser("3.00");
        charge(api, user);
        String admin = adminToken();
        // the live pushes of the funding and the charge must be out of the way first (the machine may be slow)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                balance(api, user.token()).path("total").decimalValue().compareTo(new BigDecimal("2.90")) == 0);
        try (LiveClient live = connected(port, user).subscribe("billing.updates").subscribe("system.alerts")) {
            assertThat(live.next(event("balance.snapshot"), 5000)).isNotNull();
            live.drain(1000);
            Response replay = api.post("/api/v1/admin/projections/accounts/replay", null, admin);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (JsonNode p : api.get("/api/v1/admin/projections", admin).data()) {
                    if (p.path("name").asText().equals("accounts")) {
                        return !p.path("replaying").asBoolean();
                    }
                }
                return false;
            });
            assertThat(live.next(m -> m.path("type").asText().equals("event"), 1500)).as("a push during the replay")
                    .isNull();
            charge(api, user);
            assertThat(live.next(LiveUpdatesIT::isCharge, 3000)).as("pushes again after it").isNotNull();
        }
    }
}
