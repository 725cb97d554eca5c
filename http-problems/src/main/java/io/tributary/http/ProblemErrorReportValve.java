package io.tributary.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error answers as problem+json, in the services that depend on this module. Tomcat refuses some
 * requests before Spring MVC sees them (a header over its size limit, an encoded '/' in the path) and would answer
 * them with its HTML error page. The registration also refuses parameters Tomcat could not parse
 * ({@link UndecodableParameters}).
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    /** The problem type of a status without a type of its own, as the services name it. */
    static final String TYPE_PREFIX = "urn:tributary:problem:http-";

    private static final String REFUSED = "Refused before it reached the API, e.g. for a malformed path or an over-long header.";
    private static final String FAILED = "The request could not be completed.";

    private final ObjectMapper json;

    private ProblemErrorReportValve(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own report: errors only, once, and only while the client can still be answered.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is already committed: nobody is left to answer.
        }
    }

    private static ProblemDetail problem(int status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                status < 500 ? REFUSED : FAILED);
        problem.setType(URI.create(TYPE_PREFIX + status));
        return problem;
    }

    /** Puts the valve on the host in place of Spring Boot's and the one the host adds when it starts. */
    @AutoConfiguration
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    public static class Registration {

        @Bean
        FilterRegistrationBean<UndecodableParameters> undecodableParameters(ObjectMapper json) {
            FilterRegistrationBean<UndecodableParameters> registration =
                    new FilterRegistrationBean<>(new UndecodableParameters(json));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ObjectMapper json) {
            return factory -> customize(factory, json);
        }

        private static void customize(TomcatServletWebServerFactory factory, ObjectMapper json) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                Pipeline pipeline = host.getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemErrorReportValve(json));
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            });
        }
    }
}
