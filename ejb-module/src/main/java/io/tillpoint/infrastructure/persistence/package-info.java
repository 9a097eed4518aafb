/** JPA repositories, the application's data source, type converters and schema migrations. */
package io.tillpoint.infrastructure.persistence;
