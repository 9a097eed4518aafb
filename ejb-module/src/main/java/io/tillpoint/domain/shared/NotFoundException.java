package io.tillpoint.domain.shared;

/** No such resource for this caller (another merchant's resources are "not found" too). */
public class NotFoundException extends DomainException {

    public NotFoundException(String resource, String id) {
        super("resource_missing", "No such " + resource + ": '" + id + "'");
    }
}
