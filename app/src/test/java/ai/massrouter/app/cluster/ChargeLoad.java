package ai.massrouter.app.cluster;

import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.ApiClient.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Callers that charge one account without pause, each on its node, each charge with a fresh
 * request id, and remember which charges were acknowledged (200) and which got no answer (the
 * node died under them). A refusal or any other answer fails the test.
 */
final class ChargeLoad {

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final List<String> unexpected = new ArrayList<>();
    private final ExecutorService callers;
    private volatile boolean running = true;

    private ChargeLoad(int threads) {
        callers = Executors.newFixedThreadPool(threads);
    }

    /** {@code threads} callers, spread over the nodes. */
    static ChargeLoad start(List<ApiClient> nodes, String token, int threads) {
        ChargeLoad load = new ChargeLoad(threads);
        for (int t = 0; t < threads; t++) {
            ApiClient node = nodes.get(t % nodes.size());
            load.callers.submit(() -> load.charge(node, token));
        }
        return load;
    }

    private void charge(ApiClient node, String token) {
        boolean nodeAlive = true;
        while (running && nodeAlive) {
            String requestId = "load-" + UUID.randomUUID();
            try {
                Response response = node.post("/api/v1/billing/usage", Map.of("request_id", requestId,
                        "model", "mock/echo", "prompt_tokens", 100_000, "completion_tokens", 0), token);
                if (response.status() == 200) {
                    acknowledged.add(requestId);
                } else {
                    // a node answering while it is killed may answer 5xx: the charge is not acknowledged
                    unanswered.add(requestId);
                    synchronized (unexpected) {
                        unexpected.add(response.toString());
                    }
                }
            } catch (RuntimeException e) {
                unanswered.add(requestId);
                nodeAlive = false;
            }
        }
    }

    void stop() throws InterruptedException {
        running = false;
        callers.shutdown();
        callers.awaitTermination(60, TimeUnit.SECONDS);
    }

    Set<String> acknowledged() {
        return acknowledged;
    }

    Set<String> unanswered() {
        return unanswered;
    }

    List<String> unexpectedAnswers() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }
}
