package io.tributary.projections.view;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Prepares every view at startup, so readers find the registry entries, indices and aliases before the first
 * event arrives. A store that is down does not stop the service: each view prepares itself again before its
 * first write, and the projection waits for the store like for any outage.
 */
@Component
class ViewsStartup {

    private static final Logger log = LoggerFactory.getLogger(ViewsStartup.class);

    private final List<View> views;

    ViewsStartup(List<View> views) {
        this.views = views;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareViews() {
        for (View view : views) {
            try {
                view.ensureReady();
            } catch (ViewStoreUnavailableException e) {
                log.warn("View {} not prepared yet, its store is unavailable: {}", view.version(), e.getMessage());
            }
        }
    }
}
