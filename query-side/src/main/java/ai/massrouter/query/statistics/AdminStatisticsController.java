package ai.massrouter.query.statistics;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.PageRequest;
import ai.massrouter.api.payment.FindRefusedWebhooksQuery;
import ai.massrouter.api.payment.RefusedWebhookPageView;
import ai.massrouter.api.statistics.DashboardView;
import ai.massrouter.api.statistics.DashboardWindow;
import ai.massrouter.api.statistics.FindDashboardQuery;
import ai.massrouter.api.statistics.FindProcessorsQuery;
import ai.massrouter.api.statistics.ProcessorView;
import ai.massrouter.api.statistics.ProcessorsView;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What administrators watch: the dashboard and the refused payment notifications. Admins only (ERR_003). */
@RestController
public class AdminStatisticsController {

    private final ReadYourWrites reads;
    private final UsageRanges ranges;

    public AdminStatisticsController(ReadYourWrites reads, UsageRanges ranges) {
        this.reads = reads;
        this.ranges = ranges;
    }

    @GetMapping("/api/v1/admin/statistics/dashboard")
    public Dashboard dashboard(Caller caller) {
        caller.requireAdmin();
        DashboardView view = reads.ask(new FindDashboardQuery(ranges.today()), DashboardView.class).orElseThrow();
        ProcessorsView processors = reads.ask(new FindProcessorsQuery(), ProcessorsView.class).orElseThrow();
        return new Dashboard(view.totalUsers(), new Holds(view.openHolds(), view.openHoldAmount().toDecimal(),
                view.openHoldAmount().currency()), view.windows().stream().map(AdminStatisticsController::window)
                .toList(), processors.head(), processors.processors());
    }

    @GetMapping("/api/v1/admin/webhooks/refused")
    public RefusedWebhookPageView refused(Caller caller, @RequestParam(defaultValue = "1") int page,
                                          @RequestParam(defaultValue = "20") int limit,
                                          @RequestParam(required = false) String provider) {
        caller.requireAdmin();
        if (provider != null && !provider.matches("^[a-z0-9_]{1,32}$")) {
            throw DomainException.invalid("provider", "must be a payment provider such as stripe");
        }
        return reads.ask(new FindRefusedWebhooksQuery(new PageRequest(page, limit), provider),
                RefusedWebhookPageView.class).orElseThrow();
    }

    private static Window window(DashboardWindow w) {
        String currency = w.consumption().spend().currency();
        return new Window(w.name(), w.start(), new Users(w.newUsers(), w.activeUsers()),
                new Amount(w.topUps(), w.topUpAmount().toDecimal(), currency),
                new Amount(w.refunds(), w.refundAmount().toDecimal(), currency), StatsWire.totals(w.consumption()),
                w.errors(), w.topModels().stream().map(StatsWire::slice).toList(),
                w.topUsers().stream().map(u -> new TopUser(u.userId(), u.email(), StatsWire.totals(u.usage())))
                        .toList());
    }

    public record Holds(long open, BigDecimal amount, String currency) {
    }

    public record Users(long newUsers, long active) {
    }

    public record Amount(long count, BigDecimal amount, String currency) {
    }

    public record TopUser(String userId, String email, StatsWire.Totals usage) {
    }

    public record Window(String name, Instant start, Users users, Amount revenue, Amount refunds,
                         StatsWire.Totals consumption, long errors, List<StatsWire.Slice> topModels,
                         List<TopUser> topUsers) {
    }

    public record Dashboard(long totalUsers, Holds openHolds, List<Window> windows, long eventLogHead,
                            List<ProcessorView> processors) {
    }

}
