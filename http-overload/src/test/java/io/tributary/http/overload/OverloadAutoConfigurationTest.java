package io.tributary.http.overload;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

class OverloadAutoConfigurationTest {

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OverloadAutoConfiguration.class, JacksonAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void byDefaultTheFilterRunsInsideTheAccessLogAndBeforeSecurity() {
        service.run(context -> {
            assertThat(context).hasBean("overloadFilter");
            FilterRegistrationBean<?> registration = context.getBean("overloadFilter", FilterRegistrationBean.class);
            // The access log is at HIGHEST_PRECEDENCE + 2; Spring Security's chain and the rate limits come later.
            assertThat(registration.getOrder()).isGreaterThan(Ordered.HIGHEST_PRECEDENCE + 2)
                    .isLessThan(SecurityProperties.DEFAULT_FILTER_ORDER);
            assertThat(context.getBean(OverloadProperties.class))
                    .isEqualTo(new OverloadProperties(true, 100, java.time.Duration.ofMillis(50)));
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get(OverloadFilter.IN_FLIGHT_METRIC).gauge().value()).isZero();
        });
    }

    @Test
    void switchedOffNoRequestIsShed() {
        service.withPropertyValues("tributary.overload.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("overloadFilter"));
    }

    @Test
    void aLimitBelowOneIsRefusedAtStart() {
        service.withPropertyValues("tributary.overload.max-concurrent-requests=0")
                .run(context -> assertThat(context).hasFailed());
    }
}
