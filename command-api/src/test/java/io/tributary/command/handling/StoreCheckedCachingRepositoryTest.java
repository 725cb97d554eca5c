package io.tributary.command.handling;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Two repositories over one event store stand for two command API replicas, each with its own cache. */
class StoreCheckedCachingRepositoryTest {

    private final Configuration axon = DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .buildConfiguration();
    private final AggregateCache cacheOfA = AggregateCache.ofMaximumSize(100);
    private final Repository<Counter> replicaA = StoreCheckedCachingRepository.of(Counter.class, axon, cacheOfA);
    /** Transaction boundaries with no resource behind them: the cache only follows their outcome. */
    private final TransactionTemplate outerTransaction = new TransactionTemplate(new AbstractPlatformTransactionManager() {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    });
    private final Repository<Counter> replicaB =
            StoreCheckedCachingRepository.of(Counter.class, axon, AggregateCache.ofMaximumSize(100));

    @Test
    void anAggregateNobodyElseChangedComesFromTheCache() throws Exception {
        inUnitOfWork(() -> replicaA.newInstance(() -> Counter.start("c-1")));

        Counter first = inUnitOfWork(() -> replicaA.load("c-1").invoke(counter -> counter));
        Counter second = inUnitOfWork(() -> replicaA.load("c-1").invoke(counter -> counter));

        assertThat(second).isSameAs(first);
    }

    @Test
    void aReplicaSeesWhatAnotherAppendedAfterItCachedTheAggregate() throws Exception {
        inUnitOfWork(() -> replicaA.newInstance(() -> Counter.start("c-2")));
        inUnitOfWork(() -> replicaA.load("c-2").invoke(counter -> counter));

        inUnitOfWork(() -> {
            replicaB.load("c-2").execute(Counter::increment);
            return null;
        });
        long version = inUnitOfWork(() -> {
            var counter = replicaA.load("c-2");
            counter.execute(Counter::increment);
            return counter.version();
        });

        assertThat(version).isEqualTo(2);
        assertThat(inUnitOfWork(() -> replicaB.load("c-2").invoke(Counter::value))).isEqualTo(2);
    }

    @Test
    void aUnitOfWorkThatRollsBackLeavesNoTraceInTheCache() throws Exception {
        inUnitOfWork(() -> replicaA.newInstance(() -> Counter.start("c-3")));

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            replicaA.load("c-3").execute(Counter::increment);
            throw new IllegalStateException("the command fails after changing the aggregate");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(cacheOfA.containsKey("c-3")).isFalse();
        assertThat(inUnitOfWork(() -> replicaA.load("c-3").invoke(Counter::value))).isZero();
    }

    /**
     * A command with an Idempotency-Key commits its events with its stored answer, after Axon's unit of work ended
     * and released the aggregate: until then no other command may take the aggregate from the cache.
     */
    @Test
    void anAggregateIsCachedOnlyOnceTheTransactionAroundItsCommandCommitted() throws Exception {
        inUnitOfWork(() -> replicaA.newInstance(() -> Counter.start("c-4")));

        outerTransaction.executeWithoutResult(transaction -> {
            increment("c-4");
            assertThat(cacheOfA.containsKey("c-4")).as("handled, but not yet committed").isFalse();
        });

        assertThat(cacheOfA.containsKey("c-4")).isTrue();
        assertThat(inUnitOfWork(() -> replicaA.load("c-4").invoke(Counter::value))).isEqualTo(1);
    }

    @Test
    void anAggregateWhoseTransactionRolledBackAfterItsCommandIsNotCached() throws Exception {
        inUnitOfWork(() -> replicaA.newInstance(() -> Counter.start("c-5")));

        outerTransaction.executeWithoutResult(transaction -> {
            increment("c-5");
            transaction.setRollbackOnly();
        });

        assertThat(cacheOfA.containsKey("c-5")).isFalse();
    }

    private void increment(String id) {
        try {
            inUnitOfWork(() -> {
                replicaA.load(id).execute(Counter::increment);
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <R> R inUnitOfWork(Callable<R> work) throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            R result = work.call();
            unitOfWork.commit();
            return result;
        } catch (Exception e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }

    record Started(String id) {
    }

    record Incremented(String id) {
    }

    static class Counter {

        @AggregateIdentifier
        private String id;
        private int value;

        Counter() {
        }

        static Counter start(String id) {
            Counter counter = new Counter();
            apply(new Started(id));
            return counter;
        }

        void increment() {
            apply(new Incremented(id));
        }

        int value() {
            return value;
        }

        @EventSourcingHandler
        void on(Started event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Incremented event) {
            value++;
        }
    }
}
