package io.tillpoint.domain.model.merchant;

/** What a caller may do; the names are the JWT {@code groups} and the JAX-RS roles. */
public enum Role {
    MERCHANT("merchant"),
    PLATFORM_ADMIN("platform-admin");

    private final String groupName;

    Role(String groupName) {
        this.groupName = groupName;
    }

    public String groupName() {
        return groupName;
    }
}
