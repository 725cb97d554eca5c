package io.tributary.projections.kafka;

import io.tributary.projections.rebuild.LiveProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One listener container and consumer group per view, so a slow or unavailable store holds back only its own view:
 * the group and the container's id are the projection's name, the topic its aggregate type's. Each poll's records
 * are applied as one batch. Registered here for every live projection, rather than written out once per view.
 */
@Component
class LiveProjectionListeners implements KafkaListenerConfigurer {

    private final ProjectionRecordHandler handler;
    private final List<LiveProjection> projections;

    LiveProjectionListeners(ProjectionRecordHandler handler, List<LiveProjection> projections) {
        this.handler = handler;
        this.projections = projections;
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        DefaultMessageHandlerMethodFactory methods = new DefaultMessageHandlerMethodFactory();
        methods.afterPropertiesSet();
        for (LiveProjection projection : projections) {
            MethodKafkaListenerEndpoint<String, byte[]> endpoint = new MethodKafkaListenerEndpoint<>();
            endpoint.setId(projection.name());
            endpoint.setGroupId(projection.name());
            endpoint.setTopics(projection.view().aggregateType().topic());
            endpoint.setBatchListener(true);
            endpoint.setBean(new Listener(handler, projection));
            endpoint.setMethod(Listener.METHOD);
            endpoint.setMessageHandlerMethodFactory(methods);
            registrar.registerEndpoint(endpoint);
        }
    }

    /** The listener of one view: hands each poll to the projection. */
    static final class Listener {

        static final Method METHOD = method();

        private final ProjectionRecordHandler handler;
        private final LiveProjection projection;

        Listener(ProjectionRecordHandler handler, LiveProjection projection) {
            this.handler = handler;
            this.projection = projection;
        }

        public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
            handler.handleAll(projection, records);
        }

        private static Method method() {
            try {
                return Listener.class.getMethod("onRecords", List.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
