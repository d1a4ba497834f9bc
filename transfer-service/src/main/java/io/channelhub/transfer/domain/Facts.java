package io.channelhub.transfer.domain;

import io.channelhub.platform.directory.Directory;
import java.util.Optional;

/** What the transfer rules read besides the transfer itself: the entitlement and the directory. */
public interface Facts extends Directory {

    Optional<Entitlement> entitlement(String entitlementId);
}
