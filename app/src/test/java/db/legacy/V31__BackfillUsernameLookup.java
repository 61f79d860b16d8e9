package db.legacy;

import db.migration.command.V7__BackfillUsernameLookup;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The old global numbering's V31 ({@code src/test/resources/db/legacy} holds the others as they
 * were): the very migration that is the command side's V7 now.
 */
public class V31__BackfillUsernameLookup extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        new V7__BackfillUsernameLookup().migrate(context);
    }
}
