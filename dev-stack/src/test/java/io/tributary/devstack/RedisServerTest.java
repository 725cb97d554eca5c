package io.tributary.devstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisServerTest {

    @Test
    void everyPlatformItNamesHasItsBinaryInTheDistribution() throws IOException {
        Path jar = Path.of(Java.buildResource("redis.distribution"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String[] platform : new String[][]{{"Linux", "amd64"}, {"Linux", "aarch64"}, {"Mac OS X", "x86_64"},
                    {"Mac OS X", "aarch64"}}) {
                String name = RedisServer.binaryName(platform[0], platform[1]);
                assertThat(zip.getEntry(name)).as(String.join(" ", platform) + ": " + name).isNotNull();
            }
        }
    }

    @Test
    void elsewhereItSaysToRunARedisAndNameIt() {
        assertThatThrownBy(() -> RedisServer.binaryName("Windows 11", "amd64"))
                .isInstanceOf(StackException.class).hasMessageContaining("TRIBUTARY_REDIS_URL");
    }
}
