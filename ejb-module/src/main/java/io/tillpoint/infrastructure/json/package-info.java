/** JSON-P through one provider looked up once. */
package io.tillpoint.infrastructure.json;
