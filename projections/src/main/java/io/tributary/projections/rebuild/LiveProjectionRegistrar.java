package io.tributary.projections.rebuild;

import io.tributary.projections.view.VersionedView;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Declares a live projection bean ({@code <view bean>Live}) for every view bean: every view is kept current the same
 * way, so the feature configurations declare only their views. As beans, the live projections are projections like
 * the notifications', known to the listeners, the metrics and the progress endpoint.
 */
final class LiveProjectionRegistrar implements BeanDefinitionRegistryPostProcessor {

    private final String viewStates;

    /** @param viewStates the name of the {@link ViewStates} bean */
    LiveProjectionRegistrar(String viewStates) {
        this.viewStates = viewStates;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String view : ((ListableBeanFactory) registry).getBeanNamesForType(VersionedView.class, true, false)) {
            registry.registerBeanDefinition(view + "Live", BeanDefinitionBuilder.genericBeanDefinition(LiveProjection.class)
                    .addConstructorArgReference(view)
                    .addConstructorArgReference(viewStates)
                    .getBeanDefinition());
        }
    }
}
