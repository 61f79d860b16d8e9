package db.migration.command;

import ai.massrouter.command.user.UserDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Enters the usernames of users registered before {@code username_lookup} existed, read from the
 * event log (the source of truth; the users_view projection may lag or be rebuilding): each user's
 * latest name, from its UserRegisteredEvent or last UserProfileUpdatedEvent. Written in Java so the
 * key is computed by the very function the application uses ({@link UserDirectory#usernameKey}).
 * <p>
 * Old data may hold duplicates (usernames were not unique before). The migration must not fail on
 * them: users are taken in the order they registered, and the first one to hold a key keeps it; a
 * later holder keeps the name in its events and read model but owns no entry, so nobody can take
 * that name again, and its holder's next rename claims a free one. With Axon Server as event store
 * the log is not in this database and nothing is backfilled.
 * <p>
 * Command-side migration 7 (right after V6, which creates {@code username_lookup}); in the global
 * numbering that ended at V75 it was {@code V31__BackfillUsernameLookup}.
 */
public class V7__BackfillUsernameLookup extends BaseJavaMigration {

    private static final String REGISTERED = "ai.massrouter.api.user.UserRegisteredEvent";
    private static final String UPDATED = "ai.massrouter.api.user.UserProfileUpdatedEvent";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        ObjectMapper json = new ObjectMapper();
        // user id -> latest username, in registration order (LinkedHashMap keeps the first insertion)
        Map<String, String> latest = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT aggregateidentifier, payloadtype, payload "
                     + "FROM domainevententry WHERE payloadtype IN ('" + REGISTERED + "', '" + UPDATED + "') "
                     + "ORDER BY globalindex")) {
            while (rows.next()) {
                String userId = rows.getString(1);
                boolean registered = REGISTERED.equals(rows.getString(2));
                if (!registered && !latest.containsKey(userId)) {
                    continue;
                }
                JsonNode username = json.readTree(new String(rows.getBytes(3), StandardCharsets.UTF_8)).get("username");
                if (username != null && username.isTextual()) {
                    latest.put(userId, username.asText());
                }
            }
        }
        Set<String> taken = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO username_lookup (username_key, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (Map.Entry<String, String> user : latest.entrySet()) {
                String key = UserDirectory.usernameKey(user.getValue());
                if (taken.add(key)) {
                    insert.setString(1, key);
                    insert.setString(2, user.getKey());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
