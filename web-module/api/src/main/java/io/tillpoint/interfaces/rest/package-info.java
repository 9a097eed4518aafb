/**
 * The merchant REST API under /api/v1: validates and translates requests, calls the
 * application services, answers JSON or RFC 9457 problem+json. No business rules here.
 */
package io.tillpoint.interfaces.rest;
