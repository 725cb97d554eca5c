package io.tributary.projections.rebuild;

import io.tributary.projections.view.VersionedView;
import io.tributary.projections.view.ViewStoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Prepares every view at startup, so readers find the registry entries, indices and aliases before the first event
 * arrives: records version 1 as the active one of a view that has no versions yet, creates the versions the live
 * projection writes, and points readers at the active one if they point nowhere yet. A store that is down does not
 * stop the service: each version prepares itself again before its first write, and the projection waits for the
 * store like for any outage.
 */
@Component
@Order(0)
class ViewVersionsStartup {

    private static final Logger log = LoggerFactory.getLogger(ViewVersionsStartup.class);

    private final List<VersionedView> views;
    private final ViewStates states;

    ViewVersionsStartup(List<VersionedView> views, ViewStates states) {
        this.views = views;
        this.states = states;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareViews() {
        for (VersionedView view : views) {
            try {
                states.initializeIfAbsent(view.name(), view.initialVersion());
                ViewState state = states.get(view.name()).orElseThrow();
                state.liveVersions().forEach(view::create);
                view.pointReadersIfUnset(state.active());
            } catch (ViewStoreUnavailableException e) {
                log.warn("View {} not prepared yet, its store is unavailable: {}", view.name(), e.getMessage());
            }
        }
    }
}
