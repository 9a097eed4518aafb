/**
 * MicroProfile Health checks: liveness of the instance, readiness including the database. Public
 * answers: each check's name and status (and the application's phase), no versions or sizes.
 */
package io.tillpoint.interfaces.health;
