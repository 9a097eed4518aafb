/** The launcher's helpers (bin/tillpoint): run before Payara starts, never part of the gateway. */
package io.tillpoint.launcher;
