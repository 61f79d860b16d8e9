package ai.massrouter.command.gateway;

import ai.massrouter.api.account.CallTimings;

/** Times the upstream that answers a call, from the moment it is asked: its first output and its end. */
final class UpstreamTimer {

    private final long asked = System.nanoTime();
    private Long firstToken;
    private Long total;

    void firstToken() {
        firstToken = sinceAsked();
    }

    void done() {
        if (total == null) {
            total = sinceAsked();
        }
    }

    CallTimings timings() {
        done();
        return new CallTimings(firstToken, total);
    }

    private long sinceAsked() {
        return (System.nanoTime() - asked) / 1_000_000;
    }
}
