/**
 * What every HTTP answer of the API's web module gets, whichever servlet gives it (JAX-RS, the
 * error pages, the server's own health, metrics and OpenAPI endpoints, which it serves from this
 * web module because it is the one at the root): the security headers, and the gate in front of
 * /metrics and /openapi.
 */
package io.tillpoint.interfaces.web;
