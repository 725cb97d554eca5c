package io.tributary.projections.rebuild;

import com.mongodb.client.MongoDatabase;
import io.tributary.projections.view.ActiveVersions;
import io.tributary.projections.view.VersionedView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the versions of every view are kept, for the live projections and the tooling alike. */
@Configuration(proxyBeanMethods = false)
class ViewVersionsConfig {

    @Bean
    ViewStates viewStates(MongoDatabase viewDatabase) {
        return new ViewStates(viewDatabase);
    }

    @Bean
    ActiveVersions activeVersions(ViewStates states) {
        return (VersionedView view) -> states.get(view.name()).map(ViewState::active).orElse(view.initialVersion());
    }
}
