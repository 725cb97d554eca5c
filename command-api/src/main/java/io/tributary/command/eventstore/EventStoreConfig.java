package io.tributary.command.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * Axon's embedded event store as Axon's auto-configuration builds it, but keeping the last {@value #CACHED_EVENTS}
 * events in memory for the streaming processors (the relay and the order saga) rather than 10,000.
 *
 * <p>Each cached event carries its tracking token, and each token its own copy of the gaps in the global sequence:
 * the index values taken by transactions that have inserted events but not committed yet. There are about as many
 * as events are appended during one insert-to-commit interval, which stretches when the machine is saturated: at
 * 1,000 events/s and a third of a second, 350 gaps per token, 350,000 entries (30 MB) in a cache of 1,000 events,
 * the largest and fastest-growing part of the command API's heap, which then ran out in the benchmark's mixed
 * workload (with 10,000 cached events, half the heap went at a hundred gaps). The relay, which takes up to 200 events a batch and keeps within a few dozen of
 * the head, reads from a cache of 200 as well; a processor further behind reads the store.
 *
 * <p>Axon's auto-configuration of the JPA storage engine steps back once an event store is defined, so the engine is
 * defined here too, as that auto-configuration defines it, with the entities it registers.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfig {

    static final int CACHED_EVENTS = 200;

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver exceptions,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, EntityManagerProvider entityManagers,
                                          TransactionManager transactions) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagers)
                .transactionManager(transactions)
                .build();
    }

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(CACHED_EVENTS)
                .build();
    }
}
