package io.tributary.projections.view;

/** Which version of a view readers use now. */
@FunctionalInterface
public interface ActiveVersions {

    int activeVersion(VersionedView view);
}
