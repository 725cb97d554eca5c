package io.tributary.command;

import io.tributary.devstack.DocumentedSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every setting of this service is in its application.yml with a comment, and in docs/configuration.md. */
class SettingsDocumentedTest {

    @Test
    void everySettingIsSetCommentedAndDocumented() {
        assertThat(DocumentedSettings.problems("command-api")).isEmpty();
    }
}
