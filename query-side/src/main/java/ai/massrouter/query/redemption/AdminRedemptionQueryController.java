package ai.massrouter.query.redemption;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.PageRequest;
import ai.massrouter.api.redemption.FindRedemptionBatchesQuery;
import ai.massrouter.api.redemption.RedemptionBatchPageView;
import ai.massrouter.api.redemption.RedemptionBatchView;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The batches of redemption codes, for administrators (ERR_003 for anyone else): how many codes
 * each issued and how many were redeemed. The codes themselves are shown once, when issued, and
 * never again: the platform keeps only their hashes.
 */
@RestController
public class AdminRedemptionQueryController {

    private final ReadYourWrites reads;

    public AdminRedemptionQueryController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/admin/redemption-codes")
    public BatchPage batches(Caller caller, @RequestParam(defaultValue = "1") int page,
                        @RequestParam(defaultValue = "20") int limit) {
        caller.requireAdmin();
        RedemptionBatchPageView view = reads.ask(new FindRedemptionBatchesQuery(new PageRequest(page, limit)),
                RedemptionBatchPageView.class).orElseThrow();
        return new BatchPage(view.items().stream().map(AdminRedemptionQueryController::batch).toList(), view.page(),
                view.limit(), view.total());
    }

    private static CodeBatch batch(RedemptionBatchView b) {
        return new CodeBatch(b.batchId(), b.amount().toDecimal(), b.amount().currency(), b.issued(), b.redeemed(),
                b.issued() - b.redeemed(), b.expiresAt(), b.createdBy().value(), b.createdAt(), b.lastRedeemedAt());
    }

    /** {@code unredeemed}: codes not redeemed yet (they can no longer be once {@code expires_at} has passed). */
    public record CodeBatch(String batchId, BigDecimal amount, String currency, long issued, long redeemed,
                        long unredeemed, Instant expiresAt, String createdBy, Instant createdAt,
                        Instant lastRedeemedAt) {
    }

    public record BatchPage(List<CodeBatch> items, int page, int limit, long total) {
    }
}
