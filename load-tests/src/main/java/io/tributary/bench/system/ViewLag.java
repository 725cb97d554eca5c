package io.tributary.bench.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far behind each view is, asked from Kafka itself: for every consumer group (one per projection), the records
 * on its partitions it has not committed yet. Independent of how the projections report their own lag.
 */
public final class ViewLag implements AutoCloseable {

    /** Groups that are not views: the dead-letter re-drive and the benchmark's own consumers. */
    private static final Set<String> NOT_VIEWS = Set.of("dead-letter-redrive");
    /** Groups whose work is a side effect, not a view: counted by {@link #now()}, not by {@link #largestBehind()}. */
    private static final Set<String> SIDE_EFFECTS = Set.of("notifications");

    private final Admin admin;

    public ViewLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Per view: its progress now, over every partition of the topics it consumes. */
    public Map<String, Progress> now() {
        try {
            Set<String> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId)
                    .filter(group -> !NOT_VIEWS.contains(group) && !group.startsWith("bench-"))
                    .collect(Collectors.toSet());
            Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all()
                    .get(10, TimeUnit.SECONDS);
            Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
            Set<TopicPartition> partitions = new HashSet<>();
            for (String group : groups) {
                Map<TopicPartition, Long> offsets = new HashMap<>();
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                        .forEach((partition, offset) -> offsets.put(partition, offset == null ? 0 : offset.offset()));
                for (MemberDescription member : descriptions.get(group).members()) {
                    member.assignment().topicPartitions().forEach(partition -> offsets.putIfAbsent(partition, 0L));
                }
                committed.put(group, offsets);
            }
            // A stopped group knows only the partitions it committed on: the others of its topics are behind by all
            // their records.
            Set<String> topics = committed.values().stream().flatMap(offsets -> offsets.keySet().stream())
                    .map(TopicPartition::topic).collect(Collectors.toSet());
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            committed.values().forEach(offsets -> Set.copyOf(offsets.keySet()).stream().map(TopicPartition::topic)
                    .distinct().forEach(topic -> described.get(topic).partitions().forEach(partition ->
                            offsets.putIfAbsent(new TopicPartition(topic, partition.partition()), 0L))));
            committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            Map<String, Progress> progress = new TreeMap<>();
            committed.forEach((group, offsets) -> {
                long done = 0;
                long behind = 0;
                for (Map.Entry<TopicPartition, Long> entry : offsets.entrySet()) {
                    done += entry.getValue();
                    behind += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue());
                }
                progress.put(group, new Progress(done, behind, !descriptions.get(group).members().isEmpty()));
            });
            return progress;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not tell the consumer groups' lag: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Records on the topic so far, over all its partitions (none while it does not exist). */
    public long records(String topic) {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(Set.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> partitions = described.get(topic).partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()),
                            partition -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new IllegalStateException("Kafka did not tell the records of " + topic + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not tell the records of " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The largest lag of any view now, in records. The e-mail notifications are left out: they are no view a read
     * waits for, and their backlog (mail leaves slower than views are written) is the catch-up's to report.
     */
    public long largestBehind() {
        return mostBehind().map(view -> view.getValue().behind()).orElse(0L);
    }

    /** The view with the largest lag now, in records, and its progress; as {@link #largestBehind()}, views only. */
    public Optional<Map.Entry<String, Progress>> mostBehind() {
        return now().entrySet().stream().filter(group -> isView(group.getKey()))
                .max(Comparator.comparingLong(group -> group.getValue().behind()));
    }

    /** Whether a projection (consumer group) keeps a view, rather than a side effect such as e-mail. */
    public static boolean isView(String projection) {
        return !SIDE_EFFECTS.contains(projection) && !NOT_VIEWS.contains(projection);
    }

    @Override
    public void close() {
        admin.close();
    }

    /**
     * @param processed records committed so far, summed over the group's partitions
     * @param behind    records on those partitions not committed yet
     * @param running   whether the group has members now
     */
    public record Progress(long processed, long behind, boolean running) {
    }
}
