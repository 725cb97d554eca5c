package io.tributary.command.product;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param productThreshold events after which a product is snapshotted, so loading a busy product stays cheap */
@ConfigurationProperties("tributary.snapshots")
record SnapshotProperties(@DefaultValue("50") int productThreshold) {
}
