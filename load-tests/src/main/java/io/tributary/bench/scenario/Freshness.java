package io.tributary.bench.scenario;

import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.system.Api;
import io.tributary.bench.system.BenchSystem;
import io.tributary.bench.system.ViewDelays;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 4: users registered at a fixed 200 commands/s; for one in {@value #SAMPLE_EVERY} of them, the time from
 * the command's 2xx to the first query-API answer that shows the user, by id and in search (polled without a
 * consistency token, as a client that does not wait would see it). The polling must not become the load it
 * measures. By id, at most {@value #MAX_FOLLOWED} samples are followed at a time (a sample beyond that is skipped
 * and counted), each waiting longer between polls the longer it has waited, so a reading is at most a tenth late.
 * In search, one in {@value #SEARCH_SAMPLE_EVERY} registrations is watched: one watcher asks for up to
 * {@value #WORDS_PER_SEARCH} waiting users' words in one query every {@value #SEARCH_EVERY_MILLIS} ms after the last
 * answer, in turn (a user not found yet goes back to the end of the queue), so one search at most is under way
 * however many samples wait. A reading in search is therefore late by up to one turn of the queue. With every sample
 * watched (20 a second), a search under the load answering in 200–270 ms made the queue's turn the larger part of a
 * reading (p50 7.8 s while the index applied the events at a p50 of 1.3 s); at 2 a second, the users waiting for a
 * refresh of the index fit in one query. Baseline: a record's
 * trip through Kafka alone (acks=all producer to consumer). Where the time goes: the relay's delay in publishing
 * each event ({@link RelayDelays}) and the users' two views' own delays in applying it ({@link ViewDelays}); the rest
 * of a reading is the query API's, and for search the index's refresh.
 */
public final class Freshness {

    static final int COMMANDS_PER_SECOND = 200;
    private static final int SAMPLE_EVERY = 10;
    private static final int SEARCH_SAMPLE_EVERY = 100;
    private static final int MAX_FOLLOWED = 32;
    private static final Duration BY_ID_POLL = Duration.ofMillis(2);
    private static final int WORDS_PER_SEARCH = 8;
    private static final long SEARCH_EVERY_MILLIS = 25;
    private static final Duration LONGEST_POLL = Duration.ofMillis(500);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final BenchContext context;

    public Freshness(BenchContext context) {
        this.context = context;
    }

    public void run(Section section) {
        Latencies byId = new Latencies();
        Latencies search = new Latencies();
        Latencies answered = new Latencies();
        Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        AtomicInteger invisible = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        Semaphore followed = new Semaphore(MAX_FOLLOWED);
        long commands = context.scale().freshness().toSeconds() * COMMANDS_PER_SECOND;
        String projections = context.system().url(BenchSystem.PROJECTIONS);
        Optional<ViewDelays.Snapshot> delaysBefore = ViewDelays.Snapshot.take(context.api(), projections);
        RelayDelays relay = new RelayDelays(context.system().endpoints().kafkaBootstrapServers(),
                SyntheticBacklog.USERS_TOPIC);
        SearchWatch watch = new SearchWatch(search, invisible);
        Thread watcher = Thread.ofPlatform().name("freshness-search-watch").start(watch);
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
             ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor()) {
            ticker.scheduleAtFixedRate(() -> {
                int n = sent.getAndIncrement();
                if (n < commands) {
                    requests.submit(() -> registerAndFollow(n, answered, refused, byId, watch, invisible, followed, skipped));
                }
            }, 0, 1_000_000 / COMMANDS_PER_SECOND, TimeUnit.MICROSECONDS);
            while (sent.get() < commands) {
                Thread.sleep(100);
            }
            ticker.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watch.finish();
        try {
            watcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Optional<ViewDelays.Snapshot> delaysAfter = ViewDelays.Snapshot.take(context.api(), projections);
        Latencies published = relay.stop();
        String rate = COMMANDS_PER_SECOND + " POST /users per s for " + context.scale().freshness().toSeconds() + " s";
        section.add(Figure.of("POST /users answered 2xx, " + rate, answered.count(), "commands", answered.describe()));
        Latencies kafka = kafkaRoundTrips(section);
        String kafkaBaseline = "Kafka produce (acks=all) → consume, " + kafka.describe();
        section.add(Figure.of("write → visible in GET /users/{id}, p50, " + rate, byId.percentile(50), "ms", byId.describe())
                .against(kafkaBaseline + ", p50", kafka.percentile(50)));
        section.add(Figure.of("write → visible in GET /users/{id}, p99", byId.percentile(99), "ms", "")
                .against("Kafka p99", kafka.percentile(99)));
        section.add(Figure.of("write → visible in GET /users/{id}, max", byId.percentile(100), "ms", ""));
        section.add(Figure.of("write → found by GET /users?q=, p50", search.percentile(50), "ms", search.describe())
                .against("Kafka p50", kafka.percentile(50)));
        section.add(Figure.of("write → found by GET /users?q=, p99", search.percentile(99), "ms", "")
                .against("Kafka p99", kafka.percentile(99)));
        section.add(Figure.of("write → found by GET /users?q=, max", search.percentile(100), "ms", ""));
        section.add(Figure.of("event → published to Kafka by the relay, p50", published.percentile(50), "ms",
                published.describe()).against("Kafka p50", kafka.percentile(50)));
        section.note("The search watcher's own searches answered in " + watch.answers.describe() + ".");
        if (delaysBefore.isPresent() && delaysAfter.isPresent()) {
            for (String view : SyntheticBacklog.USERS_VIEWS) {
                ViewDelays.Interval applied = ViewDelays.Interval.between(delaysBefore.get(), delaysAfter.get(), view);
                section.add(Figure.of("event → applied by " + view + ", p50", applied.percentile(50), "ms",
                                String.format(Locale.ROOT, "p99 %.0f ms (%,d events)", applied.percentile(99),
                                        applied.events()))
                        .against("Kafka p50", kafka.percentile(50)));
            }
            section.note("Where the freshness goes: the relay's delay is a record's timestamp (when the relay sent "
                    + "it) less its `ce_time` (when the command recorded the event), for every event of the users' "
                    + "topic during the run; the views' own delays (`tributary_projection_delay_seconds`, from the "
                    + "event's recording to the projection having written it, interpolated within the histogram's "
                    + "buckets) add Kafka and the view's write to it. The rest of a reading above is the query API's "
                    + "and, for search, Elasticsearch's refresh (every 1 s) that makes a written document searchable.");
        }
        int failed = refused.values().stream().mapToInt(Integer::intValue).sum();
        if (failed > 0 || invisible.get() > 0) {
            section.note(String.format(Locale.ROOT, "Of %,d commands offered, %,d did not answer 2xx (the command API "
                    + "did not sustain the rate; by status, -1 for no answer: %s); %,d sampled reads never showed the "
                    + "user within %d s.", commands, failed, new TreeMap<>(refused), invisible.get(), GIVE_UP.toSeconds()));
        }
        if (skipped.get() > 0) {
            section.note(String.format(Locale.ROOT, "%,d samples were not followed by id: %d were still waiting for "
                    + "their user to show (the view was behind).", skipped.get(), MAX_FOLLOWED));
        }
    }

    private void registerAndFollow(int n, Latencies answered, Map<Integer, Integer> refused, Latencies byId,
                                   SearchWatch search, AtomicInteger invisible, Semaphore followed,
                                   AtomicInteger skipped) {
        String token = word(n);
        String body = "{\"name\":\"Fresh " + token + "\",\"email\":\"fresh-" + token + "@" + context.runTag() + ".example.com\"}";
        long sentAt = System.nanoTime();
        Api.Answer answer = context.api().anonymous().post(context.commandApi() + "/api/v1/users", body);
        long acknowledged = System.nanoTime();
        if (!answer.ok()) {
            refused.merge(answer.status(), 1, Integer::sum);
            return;
        }
        answered.add((acknowledged - sentAt) / 1e6);
        if (n % SAMPLE_EVERY != 0) {
            return;
        }
        String id = answer.json().get("id").asText();
        if (n % SEARCH_SAMPLE_EVERY == 0) {
            search.watch(new Waiting(token, id, acknowledged));
        }
        if (!followed.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        try {
            follow(acknowledged, byId, invisible, BY_ID_POLL,
                    () -> context.api().get(context.queryApi() + "/api/v1/users/" + id).ok());
        } finally {
            followed.release();
        }
    }

    private static void follow(long acknowledged, Latencies into, AtomicInteger invisible, Duration firstPoll,
                               java.util.function.BooleanSupplier visible) {
        long deadline = acknowledged + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            if (visible.getAsBoolean()) {
                into.add((System.nanoTime() - acknowledged) / 1e6);
                return;
            }
            try {
                Thread.sleep(nextPoll(firstPoll, Duration.ofNanos(System.nanoTime() - acknowledged)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        invisible.incrementAndGet();
    }

    /** A sampled user not yet found in search: the word only its name holds, its id, when its command answered. */
    private record Waiting(String word, String id, long acknowledged) {
    }

    /**
     * Searches for the waiting users' words, {@value #WORDS_PER_SEARCH} at a time (one query matches any of them),
     * until every one was found or waited {@link #GIVE_UP}; runs until {@link #finish()} and the queue is empty.
     */
    private final class SearchWatch implements Runnable {

        private final Deque<Waiting> waiting = new ConcurrentLinkedDeque<>();
        /** How long each of its searches took to answer. */
        private final Latencies answers = new Latencies();
        private final Latencies found;
        private final AtomicInteger invisible;
        private volatile boolean finishing;

        SearchWatch(Latencies found, AtomicInteger invisible) {
            this.found = found;
            this.invisible = invisible;
        }

        void watch(Waiting user) {
            waiting.addLast(user);
        }

        void finish() {
            finishing = true;
        }

        @Override
        public void run() {
            while (!(finishing && waiting.isEmpty())) {
                List<Waiting> asked = new ArrayList<>();
                for (Waiting next; asked.size() < WORDS_PER_SEARCH && (next = waiting.pollFirst()) != null; ) {
                    asked.add(next);
                }
                if (!asked.isEmpty()) {
                    ask(asked);
                }
                Pause.sleep(Duration.ofMillis(SEARCH_EVERY_MILLIS));
            }
        }

        /** Found users are timed; the rest go back to the end of the queue, or are given up after {@link #GIVE_UP}. */
        private void ask(List<Waiting> asked) {
            String words = asked.stream().map(Waiting::word).collect(Collectors.joining("+"));
            long asking = System.nanoTime();
            Api.Answer answer = context.api().get(context.queryApi() + "/api/v1/users?limit=100&q=" + words);
            long now = System.nanoTime();
            answers.add((now - asking) / 1e6);
            for (Waiting user : asked) {
                if (answer.ok() && answer.body().contains(user.id())) {
                    found.add((now - user.acknowledged()) / 1e6);
                } else if (now - user.acknowledged() > GIVE_UP.toNanos()) {
                    invisible.incrementAndGet();
                } else {
                    waiting.addLast(user);
                }
            }
        }
    }

    /** A tenth of the time waited so far, within [first, {@link #LONGEST_POLL}]. */
    static Duration nextPoll(Duration first, Duration waited) {
        Duration tenth = waited.dividedBy(10);
        return tenth.compareTo(first) < 0 ? first : tenth.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : tenth;
    }

    /** A unique, letters-only word per run and command, so a search for it finds exactly one user. */
    private String word(int n) {
        StringBuilder word = new StringBuilder("zq");
        long value = Math.abs((context.runTag() + "#" + n).hashCode()) * 100_000L + n;
        while (value > 0) {
            word.append((char) ('a' + value % 26));
            value /= 26;
        }
        return word.toString();
    }

    /** Records through a scratch topic of the same broker, at the same sampled rate as above. */
    private Latencies kafkaRoundTrips(Section section) {
        Latencies latencies = new Latencies();
        String topic = "bench-freshness-" + context.runTag();
        String bootstrap = context.system().endpoints().kafkaBootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + topic,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            producer.send(new ProducerRecord<>(topic, "warm-up", Long.toString(System.nanoTime()))).get();
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            boolean warm = false;
            while (!warm && System.nanoTime() < until) {
                warm = !consumer.poll(Duration.ofMillis(200)).isEmpty();
            }
            int records = Math.max(20, (int) (context.scale().freshness().toSeconds() * COMMANDS_PER_SECOND / SAMPLE_EVERY));
            for (int n = 0; n < records; n++) {
                producer.send(new ProducerRecord<>(topic, "k" + n, Long.toString(System.nanoTime()))).get();
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                boolean received = false;
                while (!received && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        latencies.add((System.nanoTime() - Long.parseLong(record.value())) / 1e6);
                        received = true;
                    }
                }
                Thread.sleep(1000 / (COMMANDS_PER_SECOND / SAMPLE_EVERY));
            }
        } catch (Exception e) {
            section.note(String.format(Locale.ROOT, "Kafka baseline failed: %s", e.getMessage()));
        }
        return latencies;
    }
}
