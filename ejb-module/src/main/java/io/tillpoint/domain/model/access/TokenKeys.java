package io.tillpoint.domain.model.access;

/**
 * The keys bearer tokens may be signed with, by key id ({@code kid}): a token whose kid is not
 * among them is refused, whatever its signature. The set changes without a restart (a key added,
 * an old one retired); {@link #generation} moves on with every change, so that whoever remembers
 * verifications knows when to forget them.
 */
public interface TokenKeys {

    boolean accepts(String keyId);

    long generation();
}
