package io.tributary.projections.progress;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.projections.Projection;
import io.tributary.projections.ProjectionMetrics;
import io.tributary.projections.rebuild.LiveProjection;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({LagProperties.class, ReadinessProperties.class})
class ProgressConfig {

    /** Its own admin client: lag checks must not wait behind the dead-letter topic creation of the shared one. */
    @Bean(destroyMethod = "close")
    Admin lagAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    /** The {@code viewLag} health component, part of readiness (application.yml). */
    @Bean
    ViewLagReadiness viewLag(List<LiveProjection> views, ReadinessProperties properties) {
        return new ViewLagReadiness(views.stream().map(LiveProjection::name).toList(), properties.readyLagLimit());
    }

    @Bean
    ProjectionProgress projectionProgress(List<Projection> projections, ProjectionMetrics metrics, Admin lagAdmin,
                                          ViewLagReadiness viewLag, MeterRegistry registry, LagProperties properties) {
        return new ProjectionProgress(projections, metrics, new ConsumerLag(lagAdmin, properties.lagTimeout()),
                Clock.systemUTC(), viewLag, registry);
    }

    @Bean
    ProjectionsEndpoint projectionsEndpoint(ProjectionProgress progress) {
        return new ProjectionsEndpoint(progress);
    }
}
