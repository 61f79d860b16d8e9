package ai.massrouter.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a gateway call's time goes, from the application's own timers, as the mean per call over
 * one scenario: the whole request as Tomcat saw it ({@code http.server.requests}), each ledger
 * command or query the gateway waited for ({@code massrouter.gateway.ledger}), the upstream
 * ({@code massrouter.gateway.upstream}); the rest of the request is the security chain (API-key
 * lookup, rate limiter), JSON and token counting. The generation record is written after the
 * answer, so it is shown apart.
 */
final class LatencyBreakdown {

    /** The generation records, alone ({@code RecordGenerationCommand}) or grouped ({@code RecordGenerationsCommand}). */
    private static final String RECORD = "ledger: RecordGeneration";

    private final MeterRegistry registry;
    private final Map<String, double[]> before;

    private LatencyBreakdown(MeterRegistry registry) {
        this.registry = registry;
        this.before = totals(registry);
    }

    static LatencyBreakdown start(MeterRegistry registry) {
        return new LatencyBreakdown(registry);
    }

    /** Mean milliseconds per gateway call since {@link #start}, by part, with "other in the request" last. */
    Map<String, Double> perCall() {
        Map<String, double[]> after = totals(registry);
        double calls = delta(after, "request")[0];
        Map<String, Double> parts = new LinkedHashMap<>();
        if (calls == 0) {
            return parts;
        }
        double request = delta(after, "request")[1] / calls;
        parts.put("whole request (server side)", request);
        double accounted = 0;
        double records = 0;
        for (String name : after.keySet()) {
            double ms = delta(after, name)[1] / calls;
            if (name.startsWith(RECORD)) {
                records += ms;
            } else if (!name.equals("request")) {
                parts.put(name, ms);
                accounted += ms;
            }
        }
        parts.put("rest: security chain (key lookup, rate limit), JSON, counting", request - accounted);
        parts.put("ledger: generation records, alone or grouped (after the answer, not waited for)", records);
        return parts;
    }

    static String format(Map<String, Double> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach((name, ms) -> out.append(String.format(Locale.ROOT, "| %s | %.2f |%n", name, ms)));
        return out.toString();
    }

    private double[] delta(Map<String, double[]> after, String name) {
        double[] a = after.getOrDefault(name, new double[2]);
        double[] b = before.getOrDefault(name, new double[2]);
        return new double[] {a[0] - b[0], a[1] - b[1]};
    }

    /** name -> {count, total ms}. */
    private static Map<String, double[]> totals(MeterRegistry registry) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (Timer t : registry.find("http.server.requests").tag("uri", "/v1/chat/completions").timers()) {
            add(totals, "request", t);
        }
        for (Timer t : registry.find("massrouter.gateway.ledger").timers()) {
            add(totals, "ledger: " + t.getId().getTag("message"), t);
        }
        for (Timer t : registry.find("massrouter.gateway.upstream").timers()) {
            add(totals, "upstream", t);
        }
        return totals;
    }

    private static void add(Map<String, double[]> totals, String name, Timer timer) {
        double[] sum = totals.computeIfAbsent(name, n -> new double[2]);
        sum[0] += timer.count();
        sum[1] += timer.totalTime(TimeUnit.MILLISECONDS);
    }
}
