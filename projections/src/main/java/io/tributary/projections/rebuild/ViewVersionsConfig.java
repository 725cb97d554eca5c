package io.tributary.projections.rebuild;

import com.mongodb.client.MongoDatabase;
import io.tributary.projections.view.ActiveVersions;
import io.tributary.projections.view.VersionedView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Where the versions of every view are kept, for the live projections and the tooling alike; the live projections. */
@Configuration(proxyBeanMethods = false)
class ViewVersionsConfig {

    @Bean
    ViewStates viewStates(MongoDatabase viewDatabase) {
        return new ViewStates(viewDatabase);
    }

    /** One live projection per view: every view is kept current the same way. */
    @Bean
    LiveProjections liveProjections(List<VersionedView> views, ViewStates states) {
        return new LiveProjections(views.stream().map(view -> new LiveProjection(view, states)).toList());
    }

    @Bean
    ActiveVersions activeVersions(ViewStates states) {
        return (VersionedView view) -> states.get(view.name()).map(ViewState::active).orElse(view.initialVersion());
    }
}
