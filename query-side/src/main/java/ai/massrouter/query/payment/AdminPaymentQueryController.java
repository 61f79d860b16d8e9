package ai.massrouter.query.payment;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.PageRequest;
import ai.massrouter.api.payment.FindPaymentsQuery;
import ai.massrouter.api.payment.PaymentPageView;
import ai.massrouter.api.user.UserId;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every user's payment orders, for administrators (ERR_003 for anyone else): with
 * {@code status=pending&method=bank_transfer}, the transfers awaiting confirmation.
 */
@RestController
public class AdminPaymentQueryController {

    private final ReadYourWrites reads;

    public AdminPaymentQueryController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/admin/payments")
    public PaymentQueryController.PaymentPage payments(Caller caller, @RequestParam(required = false) String status,
                                                @RequestParam(required = false) String method,
                                                @RequestParam(name = "user_id", required = false) String userId,
                                                @RequestParam(defaultValue = "1") int page,
                                                @RequestParam(defaultValue = "20") int limit) {
        caller.requireAdmin();
        if (userId != null && !userId.matches("^usr_[A-Za-z0-9_-]{1,60}$")) {
            throw DomainException.invalid("user_id", "must be a user id such as usr_...");
        }
        FindPaymentsQuery query = new FindPaymentsQuery(userId == null ? null : UserId.of(userId),
                PaymentFilters.status(status), PaymentFilters.method(method), new PageRequest(page, limit));
        return PaymentQueryController.PaymentPage.of(reads.ask(query, PaymentPageView.class).orElseThrow());
    }
}
