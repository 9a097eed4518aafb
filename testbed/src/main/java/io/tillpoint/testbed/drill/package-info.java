/** The kill -9 drill's clients: merchants that retry with the same idempotency key, as good clients do. */
package io.tillpoint.testbed.drill;
