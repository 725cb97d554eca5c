package io.tributary.command.handling;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps aggregates in memory between commands, so that a command does not read and deserialize a snapshot and the
 * events after it (a product's snapshot holds every open reservation), yet never decides on a stale aggregate.
 *
 * <p>Axon's caching repository trusts its cache, which holds only while one instance handles all commands of an
 * aggregate. Command API replicas share the event store, so before a cached aggregate is used, the store is asked
 * for events after its version, one indexed query that usually finds none. When another replica has appended, the
 * entry is dropped and the aggregate loaded from the store. (A replica that appends concurrently is still stopped by
 * the unique aggregate sequence, as without a cache.) A unit of work that rolls back drops the entries it touched.
 *
 * <p>An aggregate enters the cache only once the database transaction holding its events has committed. A command
 * with an {@code Idempotency-Key} runs inside the transaction that also stores its answer, which commits after Axon
 * released the aggregate's lock: cached any earlier, another command or saga could decide on events that are not yet
 * committed and append after them, and the later event would commit, and reach Kafka, before the earlier one.
 * Without the entry it reads the store instead, and its append waits for that transaction like any concurrent one.
 */
public final class StoreCheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache cache;

    private StoreCheckedCachingRepository(Builder<T> builder, EventStore eventStore, Cache cache) {
        super(builder);
        this.eventStore = eventStore;
        this.cache = cache;
    }

    /** A repository of {@code type} as Axon's configuration would build it, with this cache and snapshot trigger. */
    public static <T> StoreCheckedCachingRepository<T> of(Class<T> type, Configuration axon, Cache cache,
                                                           SnapshotTriggerDefinition snapshots) {
        EventStore eventStore = axon.eventStore();
        Builder<T> builder = EventSourcingRepository.builder(type)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(type))
                .eventStore(eventStore)
                .snapshotTriggerDefinition(snapshots)
                .repositoryProvider(axon::repository)
                .spanFactory(axon.getComponent(RepositorySpanFactory.class))
                // Only this type's events: the id of another type's aggregate (a user's, named as a product) is
                // then an unknown aggregate, not a user's events applied to a product.
                .filterByAggregateType()
                .cache(cache);
        return new StoreCheckedCachingRepository<>(builder, eventStore, cache);
    }

    public static <T> StoreCheckedCachingRepository<T> of(Class<T> type, Configuration axon, Cache cache) {
        return of(type, axon, cache, NoSnapshotTriggerDefinition.INSTANCE);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached && appendedSince(aggregateIdentifier, aggregate.version())) {
            cache.remove(aggregateIdentifier);
            aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<T> aggregate) {
        super.doSaveWithLock(aggregate);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        String identifier = aggregate.identifierAsString();
        Object committed = cache.get(identifier);
        if (committed == null) {
            return;
        }
        cache.remove(identifier);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.put(identifier, committed);
            }
        });
    }

    private boolean appendedSince(String aggregateIdentifier, Long version) {
        return eventStore.readEvents(aggregateIdentifier, version == null ? 0 : version + 1).hasNext();
    }
}
