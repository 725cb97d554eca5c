package io.tributary.bench.scenario;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class CommandSideBacklogTest {

    @Test
    void aTokenIsAtTheHighestEventItPassedWhateverItsGaps() {
        assertThat(CommandSideBacklog.indexOf("{\"index\":41,\"gaps\":[38,39]}")).hasValue(41);
        assertThat(CommandSideBacklog.indexOf("{ \"index\" : 7, \"gaps\" : [] }")).hasValue(7);
    }

    @Test
    void aTokenWithoutAnIndexHasNoPosition() {
        assertThat(CommandSideBacklog.indexOf("{}")).isEqualTo(OptionalLong.empty());
    }
}
