/** MicroProfile Health checks: liveness of the instance, readiness including the database. */
package io.tillpoint.interfaces.health;
