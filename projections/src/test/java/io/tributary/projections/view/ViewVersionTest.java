package io.tributary.projections.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ViewVersionTest {

    @Test
    void physicalNameCarriesTheVersion() {
        assertThat(new ViewVersion("users", 1).physicalName()).isEqualTo("users_v1");
        assertThat(new ViewVersion("orders_by_owner", 12).physicalName()).isEqualTo("orders_by_owner_v12");
    }

    @Test
    void refusesNamesThatAreNotSafeCollectionAndIndexNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ViewVersion("Users", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new ViewVersion("users.v1", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new ViewVersion("users", 0));
    }
}
