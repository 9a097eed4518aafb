/**
 * Who may still act: the lock-out of a client id after failed secrets, the suspended merchants and
 * revoked clients every instance keeps in memory, and the ports to their stores and hashes.
 */
package io.tillpoint.domain.model.access;
