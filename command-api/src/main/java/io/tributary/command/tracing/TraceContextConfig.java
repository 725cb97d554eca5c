package io.tributary.command.tracing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Map;

/**
 * Carries the caller's W3C trace context from the HTTP request, through the command, onto every event it
 * produces, so that the relay can hand it on to Kafka consumers.
 */
@Configuration(proxyBeanMethods = false)
class TraceContextConfig {

    static final String TRACEPARENT = "traceparent";

    @Bean
    CorrelationDataProvider traceparentCorrelation() {
        return new SimpleCorrelationDataProvider(TRACEPARENT);
    }

    @Bean
    InitializingBean traceparentOnCommands(CommandGateway gateway) {
        return () -> gateway.registerDispatchInterceptor(messages -> (index, command) ->
                command.andMetaData(Map.of(TRACEPARENT, currentTraceparent())));
    }

    private static String currentTraceparent() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String incoming = attributes.getRequest().getHeader(TRACEPARENT);
            if (incoming != null && Traceparent.isValid(incoming)) {
                return incoming;
            }
        }
        return Traceparent.newRoot();
    }
}
