package io.tributary.projections.rebuild;

import java.util.List;

/** The live projection of every view, each consumed by its own Kafka listener. */
public record LiveProjections(List<LiveProjection> all) {
}
