package io.tributary.projections.rebuild;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.projections.check.EventStoreReader;
import io.tributary.projections.check.ViewCheck;
import io.tributary.projections.progress.ProjectionProgress;
import io.tributary.projections.view.VersionedView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.util.List;

/** The rebuild tooling, where the event store can be read (see the view check's configuration). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(EventStoreReader.class)
@EnableConfigurationProperties(RebuildProperties.class)
class RebuildConfig {

    @Bean
    RebuildProgress rebuildProgress(MeterRegistry registry, List<VersionedView> views) {
        RebuildProgress progress = new RebuildProgress(registry);
        views.forEach(view -> progress.register(view.name()));
        return progress;
    }

    @Bean(destroyMethod = "close")
    ViewRebuilds viewRebuilds(List<VersionedView> views, ViewStates states, EventStoreReader eventStore,
                              ViewCheck check, RebuildProperties properties, ProjectionProgress progressOfLive,
                              RebuildProgress progress) {
        return new ViewRebuilds(views, states, eventStore, check, properties, progressOfLive, progress,
                Clock.systemUTC());
    }

    @Bean
    ViewsEndpoint viewsEndpoint(ViewRebuilds rebuilds) {
        return new ViewsEndpoint(rebuilds);
    }

    /** Resumes abandoned rebuilds once the views are prepared and the listeners run. */
    @EventListener(ApplicationReadyEvent.class)
    void startLeases(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(ViewRebuilds.class).start();
    }
}
