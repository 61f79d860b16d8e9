package ai.massrouter.app.console;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in headless Chromium against the running application: a user registers,
 * redeems a code, creates a key, calls a model from the "try it" box, and sees the balance change
 * live, the transaction, the usage chart and the leaderboard; an administrator confirms the user's
 * bank transfer and suspends the user, whose open console is signed out. Every page is saved at a
 * phone and a desktop width in {@code target/console-screenshots/}.
 */
@TestPropertySource(properties = {
        "massrouter.payments.bank-transfer.bank-name=招商银行 上海分行",
        "massrouter.payments.bank-transfer.account-name=MassRouter 科技有限公司",
        "massrouter.payments.bank-transfer.account-number=6222000011112222"})
class ConsoleE2EIT extends PlatformIT {

    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final List<String> USER_PAGES = List.of("dashboard", "keys", "models", "models/mock/echo",
            "leaderboard", "billing", "usage");
    private static final List<String> ADMIN_PAGES = List.of("admin/users", "admin/system", "admin/models",
            "admin/payments", "admin/codes", "admin/webhooks", "admin/processors", "admin/ledger");

    @Test
    void aUserFromRegistrationToACall_andAnAdministratorWhoConfirmsATransferAndSuspendsThem() throws Exception {
        String admin = adminToken();
        String code = api.post("/api/v1/admin/redemption-codes", Map.of("amount", 10, "count", 1), admin)
                .data().path("codes").get(0).asText();
        String email = "console-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        try (Browser user = new Browser(port); Browser staff = new Browser(port)) {
            try {
                flow(user, staff, code, email);
            } catch (Exception | AssertionError e) {
                user.evidence(SHOTS.resolve("failure-user.png"));
                staff.evidence(SHOTS.resolve("failure-admin.png"));
                throw e;
            }
        }
    }

    private void flow(Browser user, Browser staff, String code, String email) throws Exception {
        user.open("#/login");
        shootBoth(user, "login", "#/login");
        shootBoth(user, "register", "#/register");

        // register: the console signs in and opens the dashboard
        user.type("#register-form input[name=email]", email);
        user.type("#register-form input[name=username]", "c" + UUID.randomUUID().toString().substring(0, 8));
        user.type("#register-form input[name=password]", "password-123");
        user.type("#register-form input[name=confirm_password]", "password-123");
        user.click("#register-submit");
        user.until(d -> "#/dashboard".equals(user.hash()));
        user.settle();
        user.waitText("#balance-available", t -> t.startsWith("0.00"));
        user.find("#live-status.live");

        // redeem: the page re-reads the balance and the transactions (a redemption has no live push)
        user.go("#/billing");
        user.waitText("#billing-available", t -> t.startsWith("0.00"));
        user.type("#redeem-code", code);
        user.click("#redeem-submit");
        user.waitText("#billing-available", t -> t.startsWith("10.00"));
        user.waitText("#transactions", t -> t.contains("兑换码") && t.contains("10.00"));

        // create a key: its secret is shown once and kept by the tab for "try it"
        user.go("#/keys");
        user.type("#key-name", "console key");
        user.click("#key-create");
        String secret = user.waitText("#key-secret", t -> t.startsWith("mr-"));
        user.waitText("#key-list", t -> t.contains("console key"));

        // try it: the answer streams in, with its cost
        user.go("#/models/mock/echo");
        user.type("#try-prompt", "Hello from the console");
        user.click("#try-send");
        user.waitText("#try-answer", t -> t.contains("Hello from the console"));
        String cost = user.waitText("#try-cost", t -> t.contains("CNY"));
        assertThat(cost).contains("本次费用");

        // the dashboard: balance below 10 after the call, the charge among the recent transactions
        user.go("#/dashboard");
        user.waitText("#balance-available", t -> t.startsWith("9.99"));
        // below the server's threshold (GET /billing/balance says 10.00): the banner warns
        user.waitText("#low-balance", t -> t.contains("10.00"));
        user.waitText("#recent-transactions", t -> t.contains("消费"));
        String before = user.text("#balance-available");
        // a call made elsewhere with the same key moves the open dashboard's balance (live)
        Response call = api.post("/v1/chat/completions", Map.of("model", "mock/echo", "max_tokens", 16,
                "messages", List.of(Map.of("role", "user", "content", "and one more"))), secret);
        assertThat(call.status()).as(call.toString()).isEqualTo(200);
        user.waitText("#balance-available", t -> !t.equals(before));
        user.until(d -> chartHasBars(user, "#dashboard-chart"));
        // the chart is drawn again at the new width when the window narrows and widens
        int wide = chartWidth(user, "#dashboard-chart");
        user.width(Browser.PHONE);
        user.until(d -> chartWidth(user, "#dashboard-chart") < wide);
        user.width(Browser.DESKTOP);
        user.until(d -> chartWidth(user, "#dashboard-chart") == wide);

        // usage: the chart and the by-model table show the calls
        user.go("#/usage");
        user.waitText("#usage", t -> t.contains("mock/echo"));
        assertThat(chartHasBars(user, "#usage")).isTrue();

        // the leaderboard of the day ranks mock/echo (the statistics projection may take a moment)
        user.until(d -> {
            user.go("#/leaderboard");
            return user.text("#leaderboard").contains("Mock Echo") ? true : null;
        });

        // a bank transfer: instructions and a reference; the order waits for an administrator
        user.go("#/billing");
        new org.openqa.selenium.support.ui.Select(user.find("#topup-method")).selectByValue("bank_transfer");
        user.type("#topup-amount", "100");
        user.click("#topup-submit");
        String paymentId = user.find("#payment-order").getAttribute("data-payment-id");
        assertThat(user.text("#bank-instructions")).contains("6222000011112222");
        assertThat(user.text("#payment-status")).isEqualTo("待支付");
        String reference = user.text("#bank-reference");
        String listed = "#payment-orders tr[data-payment-id='" + paymentId + "']";
        user.until(d -> !user.all(listed + "[data-status='pending']").isEmpty());
        String balanceBefore = user.text("#billing-available");

        for (String page : USER_PAGES) {
            shootBoth(user, page.replace('/', '_'), "#/" + page);
        }
        user.go("#/billing");

        // the administrator signs in to the console and confirms the transfer
        staff.open("#/login");
        staff.type("#login-form input[name=email]", ADMIN_EMAIL);
        staff.type("#login-form input[name=password]", ADMIN_PASSWORD);
        staff.click("#login-submit");
        staff.until(d -> "#/dashboard".equals(staff.hash()));
        // the transfer is listed as awaiting confirmation, with the reference the payer quotes
        staff.go("#/admin/payments");
        String awaiting = "#pending-transfers tr[data-payment-id='" + paymentId + "']";
        assertThat(staff.waitText(awaiting, t -> t.contains(reference))).contains("100.00");
        staff.click(awaiting + " button");
        staff.waitText("#admin-payment-status", t -> t.equals("待支付"));
        staff.type("#confirm-reference", "statement line 42");
        shootBoth(staff, "admin_payments-order", null);
        staff.click("#confirm-submit");
        staff.waitText("#admin-payment-status", t -> t.equals("已到账"));
        staff.until(d -> staff.all(awaiting).isEmpty());

        // the user's open billing page sees the credit and the order's new status, live
        user.waitText("#billing-available", t -> !t.equals(balanceBefore) && new BigDecimal(
                t.replace(" CNY", "").replace(",", "")).compareTo(new BigDecimal("100")) > 0);
        user.waitText("#payment-status", t -> t.equals("已到账"));
        user.until(d -> !user.all(listed + "[data-status='succeeded']").isEmpty());

        for (String page : ADMIN_PAGES) {
            shootBoth(staff, page.replace('/', '_'), "#/" + page);
        }
        // the model editor shows a model's price history (GET /models/{id}/prices)
        staff.go("#/admin/models");
        staff.click("button[data-action='history']");
        staff.until(d -> !staff.all(".price-history tbody tr").isEmpty());
        shootBoth(staff, "admin_models-history", null);

        // suspending the user signs their open console out at once
        staff.go("#/admin/users");
        staff.type("#user-search", email);
        staff.click("#user-search-submit");
        WebElement row = staff.until(d -> staff.all("tr[data-email='" + email + "']").stream().findFirst().orElse(null));
        WebElement suspend = row.findElement(org.openqa.selenium.By.cssSelector("button.danger"));
        suspend.click();
        suspend.click();
        staff.waitText("tr[data-email='" + email + "']", t -> t.contains("已停用"));

        user.until(d -> "#/login".equals(user.hash()));
        assertThat(user.waitText("#signout-reason", t -> !t.isBlank())).contains("停用");
        shootBoth(user, "signed-out", null);
        assertThat(api.get("/api/v1/users/me", secret).errorCode()).isEqualTo("USER_001");
    }

    private static int chartWidth(Browser browser, String css) {
        Object width = browser.script("const s = document.querySelector(arguments[0] + ' svg');"
                + " return s ? s.getAttribute('width') : '0'", css);
        return Integer.parseInt(String.valueOf(width));
    }

    private static boolean chartHasBars(Browser browser, String css) {
        return (Boolean) browser.script("return [...document.querySelectorAll(arguments[0] + ' rect.bar')]"
                + ".some(r => Number(r.getAttribute('height')) > 0)", css);
    }

    /** The page at a phone's and a desktop's width; route null keeps the page as it is. */
    private static void shootBoth(Browser browser, String name, String route) throws Exception {
        for (int width : new int[]{Browser.PHONE, Browser.DESKTOP}) {
            browser.width(width);
            if (route != null) {
                browser.go(route);
            }
            browser.screenshot(SHOTS.resolve(name + "-" + (width == Browser.PHONE ? "phone" : "desktop") + ".png"));
        }
        browser.width(Browser.DESKTOP);
    }
}
