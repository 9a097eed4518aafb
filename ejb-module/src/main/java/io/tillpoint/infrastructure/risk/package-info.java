/** Risk control's reference tables: the IP-address-to-country and card-range-to-country tables, read from files. */
package io.tillpoint.infrastructure.risk;
