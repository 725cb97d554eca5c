package io.tributary.projections.rebuild;

import com.mongodb.client.MongoDatabase;
import io.tributary.projections.view.ActiveVersions;
import io.tributary.projections.view.VersionedView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the versions of every view are kept, for the live projections and the tooling alike; the live projections. */
@Configuration(proxyBeanMethods = false)
class ViewVersionsConfig {

    @Bean
    ViewStates viewStates(MongoDatabase viewDatabase) {
        return new ViewStates(viewDatabase);
    }

    /** One live projection per view; static, as it declares beans before any is made. */
    @Bean
    static LiveProjectionRegistrar liveProjectionRegistrar() {
        return new LiveProjectionRegistrar("viewStates");
    }

    @Bean
    ActiveVersions activeVersions(ViewStates states) {
        return (VersionedView view) -> states.get(view.name()).map(ViewState::active).orElse(view.initialVersion());
    }
}
