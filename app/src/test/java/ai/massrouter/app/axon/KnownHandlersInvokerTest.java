package ai.massrouter.app.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KnownHandlersInvoker} answers "can this processor handle this event, in this segment" as
 * Axon's own invoker does, for every kind of event it remembers an answer for: payload types with
 * and without a handler, aggregate events and others (a {@code @SequenceNumber} handler takes only
 * the former), live and replayed events, and both halves of a split segment. The first answer it
 * remembers for a kind must never be handed to another kind.
 */
class KnownHandlersInvokerTest {

    record Charged(String account) {
    }

    record Opened(String account) {
    }

    record Unhandled(String account) {
    }

    /** Takes charges only as an aggregate's events (its handler wants their sequence number). */
    static class Balances {
        final List<Object> seen = new ArrayList<>();

        @EventHandler
        void on(Charged event, @SequenceNumber long sequence) {
            seen.add(event);
        }

        @ResetHandler
        void reset() {
            seen.clear();
        }
    }

    /** Any opening, from an aggregate or not; cannot be reset. */
    static class Openings {
        final List<Object> seen = new ArrayList<>();

        @EventHandler
        void on(Opened event) {
            seen.add(event);
        }
    }

    private final Balances balances = new Balances();
    private final Openings openings = new Openings();

    private EventHandlerInvoker axons() {
        return new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(balances).build(),
                SimpleEventHandlerInvoker.builder().eventHandlers(openings).build());
    }

    private static List<EventMessage<?>> events() {
        List<EventMessage<?>> events = new ArrayList<>();
        TrackingToken live = new GlobalSequenceTrackingToken(5);
        TrackingToken replayed = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100), live);
        for (int i = 0; i < 8; i++) {
            String account = "acc_" + i;
            for (Object payload : List.of(new Charged(account), new Opened(account), new Unhandled(account))) {
                DomainEventMessage<?> domain = new GenericDomainEventMessage<>("Account", account, i, payload);
                EventMessage<?> plain = GenericEventMessage.asEventMessage(payload);
                for (TrackingToken token : List.of(live, replayed)) {
                    events.add(new GenericTrackedDomainEventMessage<>(token, domain));
                    events.add(new GenericTrackedEventMessage<>(token, plain));
                }
                events.add(plain);
            }
        }
        return events;
    }

    @Test
    void answersAsAxonDoes_forEveryKindOfEvent_andEverySegment() {
        EventHandlerInvoker axon = axons();
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        List<EventMessage<?>> events = events();
        for (int round = 0; round < 2; round++) {
            // a fresh invoker each round, asked in the opposite order: no kind's answer may come from another
            EventHandlerInvoker known = KnownHandlersInvoker.around(axons());
            List<EventMessage<?>> ordered = new ArrayList<>(events);
            if (round == 1) {
                java.util.Collections.reverse(ordered);
            }
            for (EventMessage<?> event : ordered) {
                for (Segment segment : List.of(Segment.ROOT_SEGMENT, halves[0], halves[1])) {
                    assertThat(known.canHandle(event, segment))
                            .as("%s (%s) in %s", event.getPayload(), event.getClass().getSimpleName(), segment)
                            .isEqualTo(axon.canHandle(event, segment));
                }
                assertThat(known.canHandleType(event.getPayloadType()))
                        .isEqualTo(axon.canHandleType(event.getPayloadType()));
            }
        }
    }

    @Test
    void anAggregatesChargeIsHandled_aPlainOneIsNot_andEachEventGoesToOneHalf() {
        EventHandlerInvoker known = KnownHandlersInvoker.around(axons());
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        TrackingToken live = new GlobalSequenceTrackingToken(1);
        EventMessage<?> domain = new GenericTrackedDomainEventMessage<>(live,
                new GenericDomainEventMessage<>("Account", "acc_1", 3, new Charged("acc_1")));
        EventMessage<?> plain = new GenericTrackedEventMessage<>(live, GenericEventMessage.asEventMessage(new Charged("acc_1")));
        assertThat(known.canHandle(domain, Segment.ROOT_SEGMENT)).isTrue();
        assertThat(known.canHandle(plain, Segment.ROOT_SEGMENT)).isFalse();
        assertThat(known.canHandle(domain, halves[0]) ^ known.canHandle(domain, halves[1])).isTrue();
        assertThat(known.supportsReset()).isTrue();
    }

    @Test
    void handlingAndResettingStayTheDelegates() throws Exception {
        EventHandlerInvoker known = KnownHandlersInvoker.around(axons());
        known.handle(new GenericDomainEventMessage<>("Account", "acc_1", 0, new Charged("acc_1")), Segment.ROOT_SEGMENT);
        known.handle(GenericEventMessage.asEventMessage(new Opened("acc_1")), Segment.ROOT_SEGMENT);
        assertThat(balances.seen).containsExactly(new Charged("acc_1"));
        assertThat(openings.seen).containsExactly(new Opened("acc_1"));
        known.performReset();
        assertThat(balances.seen).isEmpty();
        assertThat(openings.seen).containsExactly(new Opened("acc_1"));
    }
}
