package ai.massrouter.api.account;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovementKindTest {

    @Test
    void codes_areTheStringsTheLedgerStoredBeforeTheEnum() {
        assertThat(Arrays.stream(MovementKind.values()).map(MovementKind::code)).containsExactly(
                "topup", "redemption", "signup_credit", "charge", "hold", "settle", "release", "refund",
                "payment_refund", "adjustment");
    }

    @Test
    void ofCode_readsEveryCodeBack() {
        for (MovementKind kind : MovementKind.values()) {
            assertThat(MovementKind.ofCode(kind.code())).isSameAs(kind);
        }
    }

    @Test
    void ofCode_refusesAnUnknownCode() {
        assertThatThrownBy(() -> MovementKind.ofCode("CHARGE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCredit_isNamedAsItsOriginWas() {
        assertThat(MovementKind.creditOf(OperationOrigin.REDEMPTION).code()).isEqualTo(OperationOrigin.REDEMPTION.code());
        assertThat(MovementKind.creditOf(OperationOrigin.SIGNUP_CREDIT).code())
                .isEqualTo(OperationOrigin.SIGNUP_CREDIT.code());
        assertThatThrownBy(() -> MovementKind.creditOf(OperationOrigin.USAGE)).isInstanceOf(IllegalArgumentException.class);
    }
}
