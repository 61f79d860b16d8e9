package ai.massrouter.app.db;

import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a plan depends on the parameters, PostgreSQL plans for them; where it does not, it plans once.
 * <ul>
 * <li>Queries (the query bus: lists, statistics, leaderboards, the dashboard) filter by ranges whose
 * selectivity their parameters decide, on tables that grow; a plan cached while a table was small (a
 * sequential scan) would be kept by the connection until the table's next ANALYZE. So each query
 * handler runs in a transaction that plans every statement for its own parameters
 * ({@code SET LOCAL plan_cache_mode = force_custom_plan}).</li>
 * <li>Everything else (commands, the event store, the projections' writes) is key lookups and inserts,
 * whose plan is the same for any parameters, and keeps PostgreSQL's default: a prepared statement is
 * planned for its first five executions, then reuses its generic plan. Planning every execution had
 * been two fifths of PostgreSQL's statement time under a charge load (docs/benchmarks.md).</li>
 * </ul>
 */
@Component
public class QueryPlanning implements SmartInitializingSingleton {

    private final QueryBus queryBus;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    public QueryPlanning(QueryBus queryBus, PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.queryBus = queryBus;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        queryBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return transaction.execute(status -> {
                    jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                    try {
                        return chain.proceed();
                    } catch (RuntimeException | Error e) {
                        throw e;
                    } catch (Exception e) {
                        throw new Checked(e);
                    }
                });
            } catch (Checked e) {
                throw (Exception) e.getCause();
            }
        });
    }

    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
