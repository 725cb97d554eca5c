package io.tributary.projections.kafka;

import io.tributary.projections.Projection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One listener container and consumer group per projection, on its aggregate type's topic, so a slow or
 * unavailable store holds back only its own projection. The container's id and group are the projection's
 * name; the containers get the listener factory of the application, with its error handling.
 */
@Component
class ProjectionListeners implements KafkaListenerConfigurer {

    private static final Method ON_RECORD = onRecordMethod();

    private final List<Projection> projections;
    private final ProjectionRecordHandler handler;

    ProjectionListeners(List<Projection> projections, ProjectionRecordHandler handler) {
        this.projections = projections;
        this.handler = handler;
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        DefaultMessageHandlerMethodFactory methodFactory = new DefaultMessageHandlerMethodFactory();
        methodFactory.afterPropertiesSet();
        for (Projection projection : projections) {
            MethodKafkaListenerEndpoint<String, byte[]> endpoint = new MethodKafkaListenerEndpoint<>();
            endpoint.setId(projection.name());
            endpoint.setGroupId(projection.name());
            endpoint.setTopics(projection.aggregateType().topic());
            endpoint.setBean(new Listener(projection, handler));
            endpoint.setMethod(ON_RECORD);
            endpoint.setMessageHandlerMethodFactory(methodFactory);
            registrar.registerEndpoint(endpoint);
        }
    }

    private static Method onRecordMethod() {
        try {
            return Listener.class.getMethod("onRecord", ConsumerRecord.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The listener of one projection's container. */
    public record Listener(Projection projection, ProjectionRecordHandler handler) {

        public void onRecord(ConsumerRecord<String, byte[]> record) {
            handler.handle(projection, record);
        }
    }
}
