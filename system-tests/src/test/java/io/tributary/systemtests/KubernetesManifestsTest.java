package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubernetes.client.custom.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Kubernetes manifests in ops/kubernetes: each overlay is rendered by kubectl's own kustomize, every rendered
 * object is validated strictly against the Kubernetes API schema ({@link KubernetesSchema}), and the rendered
 * services are checked against what the services need: probes on the health groups their application.yml enables,
 * limits that hold the heap, a locked-down container, autoscaling within the Kafka partitions, disruption budgets,
 * and Secrets only by reference. kubectl is installed by ops/kubernetes/install-kubectl (CI runs it); on CI it must be
 * there, elsewhere the rendering tests are skipped without it.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("..", "ops", "kubernetes");
    private static final Path KUBECTL = Path.of(System.getenv().getOrDefault("TRIBUTARY_KUBECTL",
            Path.of("..", ".tributary", "tools", "kubectl", "kubectl").toString()));
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Integer> PORTS = Map.of("command-api", 8081, "query-api", 8082, "projections", 8083);
    /** Spring Boot's graceful shutdown waits this long per phase (spring.lifecycle.timeout-per-shutdown-phase). */
    private static final int SHUTDOWN_TIMEOUT_SECONDS = 30;
    /** Memory the JVM needs beside the heap: the services were measured at 300-550 MB RSS with a 384 MB heap. */
    private static final long NON_HEAP_BYTES = 256L << 20;

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyRenderedObjectIsValidAgainstTheKubernetesSchema(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);

        assertThat(objects).isNotEmpty();
        List<String> violations = new ArrayList<>();
        for (JsonNode object : objects) {
            KubernetesSchema.violations(object).forEach(violation ->
                    violations.add(object.path("metadata").path("name").asText() + " " + violation));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theSchemaRefusesUnknownFieldsWrongTypesAndMissingRequiredFields() throws IOException {
        JsonNode deployment = YAML.readValues(YAML.createParser(KUBERNETES.resolve("base/command-api.yaml").toFile()),
                JsonNode.class).next();
        assertThat(KubernetesSchema.violations(deployment)).as("the base's Deployment as written").isEmpty();

        assertRefused(deployment, broken -> container(broken).set("livenessProbes", container(broken).get("livenessProbe")),
                "livenessProbes");
        assertRefused(deployment, broken -> ((ObjectNode) broken.path("spec")).put("replicas", "three"), "three");
        assertRefused(deployment, broken -> ((ObjectNode) broken.path("spec")).put("replicas", "2"), "/spec/replicas");
        assertRefused(deployment, broken -> ((ObjectNode) container(broken).path("securityContext"))
                .put("readOnlyRootFilesystem", "yes"), "readOnlyRootFilesystem");
        assertRefused(deployment, broken -> ((ObjectNode) container(broken).path("resources").path("limits"))
                .put("memory", "768MB"), "Could not parse suffix");
        assertRefused(deployment, broken -> container(broken).set("name", YAML.createObjectNode().put("a", 1)), "name");
        assertRefused(deployment, broken -> container(broken).remove("name"), "name");
        assertRefused(deployment, broken -> ((ObjectNode) broken).put("apiVersion", "apps/v1beta1"), "no schema");
        assertRefused(deployment, broken -> ((ObjectNode) broken).set("status", TextNode.valueOf("running")), "running");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceHasProbesLimitsThatHoldTheHeapAndALockedDownContainer(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);

        for (String service : PORTS.keySet()) {
            JsonNode pod = find(objects, "Deployment", service).path("spec").path("template");
            JsonNode container = pod.path("spec").path("containers").get(0);
            JsonNode settings = applicationYml(service);
            int port = PORTS.get(service);
            String as = overlay + " " + service;

            assertThat(settings.path("server").path("port").asInt()).as(as).isEqualTo(port);
            assertThat(container.path("ports").get(0).path("containerPort").asInt()).as(as).isEqualTo(port);
            assertThat(settings.path("management").path("endpoint").path("health").path("probes").path("enabled")
                    .asBoolean()).as(as + ": health probes enabled in application.yml").isTrue();
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).as(as)
                    .isEqualTo("/actuator/health/liveness");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(as)
                    .isEqualTo("/actuator/health/liveness");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(as)
                    .isEqualTo("/actuator/health/readiness");
            JsonNode startup = container.path("startupProbe");
            assertThat(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt())
                    .as(as + ": seconds the startup probe gives the JVM").isGreaterThanOrEqualTo(120);

            assertThat(pod.path("metadata").path("annotations").path("prometheus.io/scrape").asText()).as(as)
                    .isEqualTo("true");
            assertThat(pod.path("metadata").path("annotations").path("prometheus.io/port").asText()).as(as)
                    .isEqualTo(String.valueOf(port));
            assertThat(pod.path("metadata").path("annotations").path("prometheus.io/path").asText()).as(as)
                    .isEqualTo("/actuator/prometheus");
            assertThat(settings.path("management").path("endpoints").path("web").path("exposure").path("include")
                    .asText()).as(as).contains("prometheus");

            JsonNode resources = container.path("resources");
            for (String resource : List.of("cpu", "memory")) {
                assertThat(resources.path("requests").has(resource)).as(as + " requests " + resource).isTrue();
                assertThat(resources.path("limits").has(resource)).as(as + " limits " + resource).isTrue();
            }
            assertThat(resources.path("requests").path("memory")).as(as + ": memory requested as limited")
                    .isEqualTo(resources.path("limits").path("memory"));
            long memoryLimit = new Quantity(resources.path("limits").path("memory").asText()).getNumber().longValue();
            assertThat(memoryLimit).as(as + ": memory limit holds the heap and the rest of the JVM")
                    .isGreaterThanOrEqualTo(heapBytes(container) + NON_HEAP_BYTES);

            int preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asInt();
            assertThat(pod.path("spec").path("terminationGracePeriodSeconds").asInt()).as(as)
                    .isGreaterThan(preStop + SHUTDOWN_TIMEOUT_SECONDS);

            assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).as(as).isTrue();
            assertThat(pod.path("spec").path("automountServiceAccountToken").asBoolean(true)).as(as).isFalse();
            JsonNode security = container.path("securityContext");
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(as).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(as).isFalse();
            assertThat(security.path("capabilities").path("drop").toString()).as(as).isEqualTo("[\"ALL\"]");
            String tmpVolume = null;
            for (JsonNode mount : container.path("volumeMounts")) {
                if (mount.path("mountPath").asText().equals("/tmp")) {
                    tmpVolume = mount.path("name").asText();
                }
            }
            assertThat(tmpVolume).as(as + ": a writable /tmp").isNotNull();
            for (JsonNode volume : pod.path("spec").path("volumes")) {
                if (volume.path("name").asText().equals(tmpVolume)) {
                    assertThat(volume.has("emptyDir")).as(as + ": /tmp is an emptyDir").isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void readsScaleAutomaticallyWithinTheKafkaPartitionsAndEveryServiceHasADisruptionBudget(String overlay)
            throws Exception {
        List<JsonNode> objects = render(overlay);

        for (String service : List.of("query-api", "projections")) {
            JsonNode autoscaler = find(objects, "HorizontalPodAutoscaler", service);
            assertThat(autoscaler.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
            assertThat(autoscaler.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo(service);
            assertThat(autoscaler.path("spec").path("metrics").get(0).path("resource").path("name").asText())
                    .isEqualTo("cpu");
            assertThat(autoscaler.path("spec").path("minReplicas").asInt()).isPositive()
                    .isLessThan(autoscaler.path("spec").path("maxReplicas").asInt());
            assertThat(find(objects, "Deployment", service).path("spec").has("replicas"))
                    .as(overlay + " " + service + ": the autoscaler owns the replica count").isFalse();
        }
        assertThat(objects).noneMatch(object -> object.path("kind").asText().equals("HorizontalPodAutoscaler")
                && object.path("metadata").path("name").asText().equals("command-api"));

        int partitions = Integer.parseInt(configValue(objects, "command-api", "TRIBUTARY_RELAY_PARTITIONS"));
        int concurrency = Integer.parseInt(configValue(objects, "projections", "SPRING_KAFKA_LISTENER_CONCURRENCY"));
        int maxReplicas = find(objects, "HorizontalPodAutoscaler", "projections").path("spec").path("maxReplicas").asInt();
        assertThat(maxReplicas * concurrency).as(overlay + ": projections consumers per group, at most one per partition")
                .isLessThanOrEqualTo(partitions);

        for (String service : PORTS.keySet()) {
            JsonNode podLabels = find(objects, "Deployment", service).path("spec").path("template").path("metadata")
                    .path("labels");
            JsonNode budget = find(objects, "PodDisruptionBudget", service);
            budget.path("spec").path("selector").path("matchLabels").properties().forEach(label ->
                    assertThat(podLabels.path(label.getKey())).as(overlay + " " + service).isEqualTo(label.getValue()));
            JsonNode serviceObject = find(objects, "Service", service);
            serviceObject.path("spec").path("selector").properties().forEach(label ->
                    assertThat(podLabels.path(label.getKey())).as(overlay + " " + service).isEqualTo(label.getValue()));
        }
    }

    /**
     * The projections' readiness also says whether the views keep up, first judged two lag checks after the start: a
     * new pod must not count as available (and a rollout go on) before the readiness probe could have seen that.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void aNewProjectionsPodIsAvailableOnlyOnceItsViewsLagCouldHaveBeenJudged(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        JsonNode deployment = find(objects, "Deployment", "projections").path("spec");
        JsonNode readiness = deployment.path("template").path("spec").path("containers").get(0).path("readinessProbe");
        JsonNode settings = applicationYml("projections");
        long lagInterval = Duration.parse("PT" + settings.path("tributary").path("projections")
                .path("lag-interval").asText().toUpperCase()).toSeconds();

        assertThat(settings.path("management").path("endpoint").path("health").path("group").path("readiness")
                .path("include").asText()).as(overlay).contains("viewLag");
        assertThat(deployment.path("minReadySeconds").asLong()).as(overlay + ": two lag checks and three probe periods")
                .isGreaterThanOrEqualTo(2 * lagInterval
                        + readiness.path("periodSeconds").asLong() * readiness.path("failureThreshold").asLong());
        assertThat(deployment.path("strategy").path("rollingUpdate").path("maxUnavailable").asInt()).as(overlay).isZero();
        assertThat(find(objects, "PodDisruptionBudget", "projections").path("spec").path("unhealthyPodEvictionPolicy")
                .asText()).as(overlay + ": a drain does not wait for the views to catch up").isEqualTo("AlwaysAllow");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceKnowsTheTokenIssuerAndTheSharedRedis(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);

        for (String service : PORTS.keySet()) {
            assertThat(configValue(objects, service, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI"))
                    .as(overlay + " " + service).matches("https?://.+/realms/tributary");
        }
        for (String service : List.of("command-api", "query-api")) {
            assertThat(configValue(objects, service, "SPRING_DATA_REDIS_URL")).as(overlay + " " + service)
                    .matches("rediss?://.+:\\d+");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void secretsAreOnlyReferencedAndTheReadmeSaysHowToCreateEach(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(objects).noneMatch(object -> object.path("kind").asText().equals("Secret"));
        List<String> configMaps = objects.stream().filter(object -> object.path("kind").asText().equals("ConfigMap"))
                .map(object -> object.path("metadata").path("name").asText()).toList();
        for (JsonNode deployment : objects) {
            if (!deployment.path("kind").asText().equals("Deployment")) {
                continue;
            }
            for (JsonNode source : deployment.path("spec").path("template").path("spec").path("containers").get(0)
                    .path("envFrom")) {
                if (source.has("configMapRef")) {
                    assertThat(configMaps).contains(source.path("configMapRef").path("name").asText());
                } else {
                    String secret = source.path("secretRef").path("name").asText();
                    assertThat(readme).as("README creates " + secret).contains("create secret generic " + secret);
                }
            }
        }
    }

    private static void assertRefused(JsonNode valid, Consumer<JsonNode> breakIt, String mentioned) {
        JsonNode broken = valid.deepCopy();
        breakIt.accept(broken);
        assertThat(KubernetesSchema.violations(broken)).as("violations").isNotEmpty()
                .anySatisfy(violation -> assertThat(violation).contains(mentioned));
    }

    private static ObjectNode container(JsonNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static long heapBytes(JsonNode container) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals("JAVA_TOOL_OPTIONS")) {
                Matcher heap = Pattern.compile("-Xmx(\\d+)([kmg])").matcher(variable.path("value").asText());
                assertThat(heap.find()).as("-Xmx in JAVA_TOOL_OPTIONS").isTrue();
                long shift = switch (heap.group(2)) {
                    case "k" -> 10;
                    case "m" -> 20;
                    default -> 30;
                };
                return Long.parseLong(heap.group(1)) << shift;
            }
        }
        throw new AssertionError("no JAVA_TOOL_OPTIONS with the heap size");
    }

    private static String configValue(List<JsonNode> objects, String service, String key) {
        for (JsonNode source : find(objects, "Deployment", service).path("spec").path("template").path("spec")
                .path("containers").get(0).path("envFrom")) {
            String name = source.path("configMapRef").path("name").asText(null);
            if (name != null && find(objects, "ConfigMap", name).path("data").has(key)) {
                return find(objects, "ConfigMap", name).path("data").path(key).asText();
            }
        }
        throw new AssertionError(service + " has no " + key + " in its ConfigMaps");
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(object -> object.path("kind").asText().equals(kind)
                        && object.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static JsonNode applicationYml(String service) throws IOException {
        return YAML.readTree(Path.of("..", service, "src", "main", "resources", "application.yml").toFile());
    }

    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    /** The overlay as kubectl kustomize renders it, one node per object. */
    private static synchronized List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        requireKubectl();
        if (!RENDERED.containsKey(overlay)) {
            Process process = new ProcessBuilder(KUBECTL.toString(), "kustomize",
                    KUBERNETES.resolve("overlays").resolve(overlay).toString()).redirectErrorStream(false).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(errors).isZero();
            RENDERED.put(overlay, YAML.readValues(YAML.createParser(output), JsonNode.class).readAll());
        }
        return RENDERED.get(overlay);
    }

    private static void requireKubectl() {
        boolean installed = Files.isExecutable(KUBECTL);
        if (System.getenv("CI") == null) {
            assumeTrue(installed, "kubectl is not installed; ops/kubernetes/install-kubectl installs it");
        }
        assertThat(installed).as("kubectl must be installed on CI (ops/kubernetes/install-kubectl)").isTrue();
    }
}
