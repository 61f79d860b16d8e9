package ai.massrouter.projections.common;

import ai.massrouter.api.common.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Conversions every projection needs between its rows and the contract's types. */
public final class Sql {

    private Sql() {
    }

    public static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getTimestamp(column));
    }

    public static Long nanos(Money money) {
        return money == null ? null : money.nanos();
    }

    /** A nullable nanos column as Money. */
    public static Money money(ResultSet rs, String column, String currency) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : new Money(value, currency);
    }

    public static String likePattern(String search) {
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
