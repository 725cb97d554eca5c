package io.tributary.command.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries the trace of the HTTP request that sent a command (the request's server span, which continues the
 * caller's {@code traceparent} if it sent one) onto the command and every event it produces, so that the relay
 * hands it on to Kafka consumers.
 */
@Configuration(proxyBeanMethods = false)
class TraceContextConfig {

    static final String TRACEPARENT = "traceparent";

    /** Events, and commands a saga sends while handling an event, inherit the trace of what caused them. */
    @Bean
    CorrelationDataProvider traceparentCorrelation() {
        return new SimpleCorrelationDataProvider(TRACEPARENT);
    }

    /** Without a propagator (tracing switched off) commands carry no trace. */
    @Bean
    InitializingBean traceparentOnCommands(CommandGateway gateway, Tracer tracer,
                                           ObjectProvider<Propagator> propagators) {
        return () -> propagators.ifAvailable(propagator -> register(gateway, tracer, propagator));
    }

    private static void register(CommandGateway gateway, Tracer tracer, Propagator propagator) {
        gateway.registerDispatchInterceptor(messages -> (index, command) -> {
            Span current = tracer.currentSpan();
            if (current == null) {
                return command;
            }
            Map<String, String> carrier = new HashMap<>(4);
            propagator.inject(current.context(), carrier, Map::put);
            String traceparent = carrier.get(TRACEPARENT);
            return traceparent == null ? command : command.andMetaData(Map.of(TRACEPARENT, traceparent));
        });
    }
}
