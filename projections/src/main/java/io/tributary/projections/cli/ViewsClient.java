package io.tributary.projections.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The projections service's {@code views} actuator endpoint over HTTP: reads the views' states, asks for actions. */
final class ViewsClient implements AutoCloseable {

    private static final String ENDPOINT = "/actuator/views";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** A verification folds the whole event store into a scratch view before it answers. */
    private static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(30);

    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** @param token the bearer token every request carries (the endpoint is for admins); null to send none */
    ViewsClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    List<ViewReport> views() throws InterruptedException {
        return send(null, get(ENDPOINT), ViewList.class).views();
    }

    ViewReport view(String view) throws InterruptedException {
        return send(view, get(path(view)), ViewReport.class);
    }

    /** Starts building a new version; the answer's {@code rebuild.version} is the one being built. */
    ViewReport rebuild(String view) throws InterruptedException {
        return send(view, post(view, action("rebuild"), ANSWER_TIMEOUT), ViewReport.class);
    }

    /** Rebuilds one aggregate's document in every version of the view: {@code {view, id, events, versions}}. */
    JsonNode repair(String view, String id) throws InterruptedException {
        return send(view, post(view, action("repair").put("id", id), ANSWER_TIMEOUT), JsonNode.class);
    }

    ViewReport rollback(String view) throws InterruptedException {
        return send(view, post(view, action("rollback"), ANSWER_TIMEOUT), ViewReport.class);
    }

    /** Drops the versions no longer needed: {@code {view, dropped}}. */
    JsonNode prune(String view) throws InterruptedException {
        return send(view, post(view, action("prune"), ANSWER_TIMEOUT), JsonNode.class);
    }

    /** Compares the view with a fresh fold of the event store: {@code {documents, missing, …, consistent}}. */
    JsonNode verify(String view) throws InterruptedException {
        return send(view, post(view, action("verify"), VERIFY_TIMEOUT), JsonNode.class);
    }

    @Override
    public void close() {
        http.close();
    }

    private HttpRequest get(String path) {
        return request(path).timeout(ANSWER_TIMEOUT).GET().build();
    }

    private HttpRequest post(String view, ObjectNode body, Duration timeout) {
        return request(path(view))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private ObjectNode action(String action) {
        return json.createObjectNode().put("action", action);
    }

    private static String path(String view) {
        return ENDPOINT + "/" + URLEncoder.encode(view, StandardCharsets.UTF_8);
    }

    /** @param view the view the request is about, to name it in a refusal; null for all views */
    private <T> T send(String view, HttpRequest request, Class<T> answer) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceUnreachableException("cannot reach the projections service at " + baseUrl + ": "
                    + reason(e));
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new NotAllowedException("the projections service at " + baseUrl + " answered HTTP "
                    + response.statusCode() + (token == null ? " to a request without a token" : " to the token in "
                    + ViewsCli.TOKEN_VARIABLE) + ": set " + ViewsCli.TOKEN_VARIABLE + " to an admin's access token");
        }
        if (response.statusCode() != 200) {
            throw new ActionRefusedException((view == null ? "" : view + ": ") + message(response));
        }
        try {
            return json.readValue(response.body(), answer);
        } catch (JsonProcessingException e) {
            throw new ServiceUnreachableException(baseUrl + " answered " + request.method() + " "
                    + request.uri().getPath() + " with what is not a views endpoint's answer: "
                    + e.getOriginalMessage());
        }
    }

    private String message(HttpResponse<String> response) {
        try {
            String message = json.readTree(response.body()).path("detail").asText("");
            if (!message.isBlank()) {
                return message;
            }
        } catch (JsonProcessingException e) {
            // Not the endpoint's problem document (a proxy's page, say): the status is all there is to tell.
        }
        return "the service answered HTTP " + response.statusCode();
    }

    /**
     * The JDK's HTTP client loses the operating system's reason for a failed connection (its exceptions carry no
     * message), so the usual reasons are named from the exceptions' types.
     */
    private static String reason(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
            if (cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        return failure instanceof ConnectException ? "connection refused" : failure.getClass().getSimpleName();
    }

    private record ViewList(List<ViewReport> views) {

        ViewList {
            views = views == null ? List.of() : List.copyOf(views);
        }
    }

    /** The service said no (unknown view, a rebuild already running, store down): report it, go on with others. */
    static final class ActionRefusedException extends RuntimeException {

        ActionRefusedException(String message) {
            super(message);
        }
    }

    /** The service wants an admin's token (401: none or not a valid one; 403: not an admin's): the same for every view. */
    static final class NotAllowedException extends RuntimeException {

        NotAllowedException(String message) {
            super(message);
        }
    }

    /** The service is not there, or not the projections service: nothing more can be done this run. */
    static final class ServiceUnreachableException extends RuntimeException {

        ServiceUnreachableException(String message) {
            super(message);
        }
    }
}
