package io.tributary.projections.kafka;

import io.tributary.projections.ProjectionMetrics;
import io.tributary.projections.WaitItOutException;
import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.view.EventGapException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the projection listeners fail (Spring Boot gives this handler to every listener container):
 * <ul>
 *     <li>a record that can never be applied ({@link UnreadableEventException}) goes straight to the
 *     dead-letter topic;</li>
 *     <li>a condition that will pass ({@link WaitItOutException}: a store or the mail server down, an order's user
 *     not there yet, a rebuild handing over) is waited out with a capped exponential back-off and never
 *     dead-lettered: the projection stalls in order and resumes where it stopped, while the
 *     other projections, in their own consumer groups, carry on;</li>
 *     <li>an event that arrived before its predecessor ({@link EventGapException}) is retried with the bounded
 *     back-off, as the predecessor may still be on its way, then dead-lettered with the reason {@code gap};</li>
 *     <li>any other failure is retried with a bounded exponential back-off, then dead-lettered.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionRetryProperties.class)
class KafkaErrorHandlingConfig {

    @Bean
    DefaultErrorHandler projectionErrorHandler(DeadLetterRecoverer deadLetters, ProjectionMetrics metrics,
                                               ProjectionRetryProperties retry) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, boundedBackOff(retry));
        BackOff untilStoreIsBack = outageBackOff(retry);
        handler.setBackOffFunction((record, failure) ->
                ListenerFailures.causedBy(failure, WaitItOutException.class) ? untilStoreIsBack : null);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        handler.setRetryListeners(new FailedAttemptListener(metrics));
        return handler;
    }

    private static BackOff boundedBackOff(ProjectionRetryProperties retry) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }

    private static BackOff outageBackOff(ProjectionRetryProperties retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.outageMaxInterval().toMillis());
        return backOff;
    }
}
