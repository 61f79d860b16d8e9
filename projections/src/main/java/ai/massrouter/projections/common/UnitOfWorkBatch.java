package ai.massrouter.projections.common;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the handlers of one unit of work (a processor's batch, up to 1,000 events by default) collect for
 * a read model, written together when the unit of work prepares its commit, inside its
 * transaction: one statement per table and batch instead of one per event. Called outside a unit
 * of work (a direct call), the batch of that one change is written at once.
 */
public final class UnitOfWorkBatch {

    private UnitOfWorkBatch() {
    }

    /**
     * Applies {@code change} to the batch named {@code name} of the current unit of work, creating
     * it (and registering {@code write} for its prepare-commit) on first use.
     */
    public static <B> void add(String name, Supplier<B> create, Consumer<B> write, Consumer<B> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            B single = create.get();
            change.accept(single);
            write.accept(single);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        B batch = unitOfWork.getOrComputeResource(name, key -> {
            B created = create.get();
            unitOfWork.onPrepareCommit(u -> write.accept(created));
            return created;
        });
        change.accept(batch);
    }
}
